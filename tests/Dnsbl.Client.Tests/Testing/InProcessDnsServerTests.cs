using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Server;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Testing;

public sealed class InProcessDnsServerTests
{
    private const string Zone = "$SOA 1h ns.bl.test hostmaster.bl.test 1 2h 30m 1w 5m\n:127.0.0.2:Listed $\n127.0.0.2\n127.0.0.2 :4:Exploited $\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static Task<InProcessDnsServer> StartAsync(Func<DnsQueryContext, ServerAction>? onQuery = null) =>
        InProcessDnsServer.StartAsync("bl.test", ZoneDatasetType.Ip4Set, Zone, new InProcessDnsServerOptions { OnQuery = onQuery });

    private static async Task<DnsMessage> AskUdpAsync(InProcessDnsServer server, string name, DnsRecordType type = DnsRecordType.A, ushort id = 42)
    {
        var bytes = await LoopbackQuery.ExchangeUdpAsync(server.EndPoint, new DnsQuestion(name, type), id, Patience, CancellationToken.None);
        return LoopbackQuery.Parse(bytes ?? throw new TimeoutException("no answer"));
    }

    [Fact]
    public async Task StartAsync_BindsLoopbackOnOnePortForUdpAndTcp()
    {
        await using var server = await StartAsync();

        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        var tcp = LoopbackQuery.Parse(await LoopbackQuery.ExchangeTcpAsync(server.EndPoint, new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A), 7, CancellationToken.None));
        Assert.Equal(2, tcp.Answers.Count);
    }

    [Fact]
    public async Task Query_ListedAddress_AnswersCodesAndCountsQuery()
    {
        await using var server = await StartAsync();

        var response = await AskUdpAsync(server, "2.0.0.127.bl.test");

        Assert.Equal(42, response.Header.Id);
        Assert.True(response.Header.IsResponse);
        Assert.Equal(DnsResponseCode.NoError, response.Header.ResponseCode);
        Assert.Equal(["127.0.0.2", "127.0.0.4"], response.Answers.Select(a => a.Address!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(1, server.QueryCount);
        Assert.Equal(1, server.QueriesFor("2.0.0.127.BL.test."));
    }

    [Fact]
    public async Task Query_Txt_AnswersSubstitutedText()
    {
        await using var server = await StartAsync();

        var response = await AskUdpAsync(server, "2.0.0.127.bl.test", DnsRecordType.TXT);

        Assert.Equal(["Exploited 127.0.0.2", "Listed 127.0.0.2"], response.Answers.Select(a => a.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Query_UnlistedAddress_AnswersNxDomainWithSoaMinimum()
    {
        await using var server = await StartAsync();

        var response = await AskUdpAsync(server, "3.0.0.127.bl.test");

        Assert.Equal(DnsResponseCode.NameError, response.Header.ResponseCode);
        var soa = Assert.Single(response.Authorities);
        Assert.Equal(DnsRecordType.SOA, soa.Type);
        Assert.Equal(300u, soa.TimeToLive);
        Assert.Equal(300u, soa.SoaMinimum);
    }

    [Fact]
    public async Task Query_OutsideServedZones_AnswersRefused()
    {
        await using var server = await StartAsync();

        var response = await AskUdpAsync(server, "2.0.0.127.elsewhere.test");

        Assert.Equal(DnsResponseCode.Refused, response.Header.ResponseCode);
    }

    [Fact]
    public async Task Query_Truncated_UdpHasTcAndTcpServesFullAnswer()
    {
        await using var server = await StartAsync(_ => ServerAction.Truncated);
        var question = new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A);

        var udp = await AskUdpAsync(server, question.Name);
        var tcp = LoopbackQuery.Parse(await LoopbackQuery.ExchangeTcpAsync(server.EndPoint, question, 9, CancellationToken.None));

        Assert.True(udp.Header.IsTruncated);
        Assert.Empty(udp.Answers);
        Assert.False(tcp.Header.IsTruncated);
        Assert.Equal(2, tcp.Answers.Count);
    }

    [Fact]
    public async Task Query_LargeTxtOverUdp_IsTruncatedAutomatically()
    {
        var text = new string('x', 900);
        var data = string.Concat(Enumerable.Range(1, 3).Select(i => $"127.0.0.2 :{i}:{text}{i}\n"));
        await using var server = await InProcessDnsServer.StartAsync("big.test", ZoneDatasetType.Ip4Set, data);

        var udp = await AskUdpAsync(server, "2.0.0.127.big.test", DnsRecordType.TXT);

        Assert.True(udp.Header.IsTruncated);
    }

    [Fact]
    public async Task Query_Dropped_NoAnswerButCounted()
    {
        await using var server = await StartAsync(_ => ServerAction.Drop);

        var bytes = await LoopbackQuery.ExchangeUdpAsync(server.EndPoint, new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A), 1, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Null(bytes);
        // Counted when the receive loop reads it, which on a loaded machine can come after the 300 ms wait ended.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.WaitForQueriesAsync(1, patience.Token);
        Assert.Equal(1, server.QueryCount);
    }

    [Fact]
    public async Task Gate_Closed_HoldsAnswerUntilOpened()
    {
        await using var server = await StartAsync();
        server.Gate.Close();

        var pending = AskUdpAsync(server, "2.0.0.127.bl.test");
        await server.Gate.WaitForHeldAsync(1, CancellationToken.None).WaitAsync(Patience);

        Assert.False(pending.IsCompleted);
        Assert.Equal(1, server.Gate.HeldCount);
        server.Gate.Open();
        Assert.Equal(2, (await pending.WaitAsync(Patience)).Answers.Count);
    }

    [Fact]
    public async Task Query_DelayedByTimeProvider_AnswersWhenClockAdvances()
    {
        var clock = new TimerCountingTimeProvider();
        await using var server = await InProcessDnsServer.StartAsync(
            "bl.test",
            ZoneDatasetType.Ip4Set,
            Zone,
            new InProcessDnsServerOptions { TimeProvider = clock, OnQuery = _ => ServerAction.Delayed(TimeSpan.FromSeconds(30)) });

        var pending = AskUdpAsync(server, "2.0.0.127.bl.test");
        await server.WaitForQueriesAsync(1, CancellationToken.None).WaitAsync(Patience);

        // The delay timer is created just after the query is counted: advancing before it exists would not fire it.
        await clock.FirstTimerCreated.WaitAsync(Patience);

        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await pending.WaitAsync(Patience)).Answers.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(1)]
    public async Task Query_RespondWithRcode_AnswersThatRcode(int rcode)
    {
        await using var server = await StartAsync(_ => ServerAction.Respond(rcode));

        var response = await AskUdpAsync(server, "2.0.0.127.bl.test");

        Assert.Equal(rcode, (int)response.Header.ResponseCode);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public async Task Query_FirstFailsThenAnswers_UsesQueryNumber()
    {
        await using var server = await StartAsync(context => context.QueryNumber == 1 ? ServerAction.ServerFailure : ServerAction.Answer);

        var first = await AskUdpAsync(server, "2.0.0.127.bl.test");
        var second = await AskUdpAsync(server, "2.0.0.127.bl.test");

        Assert.Equal(DnsResponseCode.ServerFailure, first.Header.ResponseCode);
        Assert.Equal(DnsResponseCode.NoError, second.Header.ResponseCode);
    }

    [Fact]
    public async Task Query_WrongIdOtherQuestionAndDuplicates_AreApplied()
    {
        await using var server = await StartAsync(_ => ServerAction.Answer with { WrongId = true, QuestionName = "other.test", DuplicateAnswers = true });

        var response = await AskUdpAsync(server, "2.0.0.127.bl.test", id: 100);

        Assert.NotEqual(100, response.Header.Id);
        Assert.Equal("other.test", response.Question!.Value.Name);
        Assert.Equal(4, response.Answers.Count);
    }

    [Fact]
    public async Task Query_CorruptAndRaw_SendTheGivenBytes()
    {
        await using var corrupt = await StartAsync(_ => ServerAction.Corrupt(bytes => bytes[..5]));
        await using var raw = await StartAsync(_ => ServerAction.Raw(new byte[] { 1, 2, 3 }));
        var question = new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A);

        var cut = await LoopbackQuery.ExchangeUdpAsync(corrupt.EndPoint, question, 5, Patience, CancellationToken.None);
        var rawBytes = await LoopbackQuery.ExchangeUdpAsync(raw.EndPoint, question, 5, Patience, CancellationToken.None);

        Assert.Equal(5, cut!.Length);
        Assert.Equal(new byte[] { 1, 2, 3 }, rawBytes);
    }

    [Fact]
    public async Task Query_FromOtherSocket_ArrivesFromAnotherPort()
    {
        await using var server = await StartAsync(_ => ServerAction.Answer with { FromOtherSocket = true });
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var query = new byte[DnsQueryWriter.MaxQueryLength];
        var length = DnsQueryWriter.Write(query, 11, new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A));

        await socket.SendToAsync(query.AsMemory(0, length), System.Net.Sockets.SocketFlags.None, server.EndPoint);
        var buffer = new byte[4096];
        var received = await socket.ReceiveFromAsync(buffer, System.Net.Sockets.SocketFlags.None, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(Patience);

        var source = (IPEndPoint)received.RemoteEndPoint;
        Assert.Equal(IPAddress.Loopback, source.Address);
        Assert.NotEqual(server.EndPoint.Port, source.Port);
    }

    [Fact]
    public async Task Query_HookThrows_AnswersServFailAndKeepsError()
    {
        await using var server = await StartAsync(_ => throw new InvalidOperationException("boom"));

        var response = await AskUdpAsync(server, "2.0.0.127.bl.test");

        Assert.Equal(DnsResponseCode.ServerFailure, response.Header.ResponseCode);
        Assert.Equal("boom", server.LastHookError?.Message);
    }

    [Fact]
    public async Task DisposeAsync_WithHeldAnswer_StopsCleanly()
    {
        var server = await StartAsync();
        server.Gate.Close();
        _ = LoopbackQuery.ExchangeUdpAsync(server.EndPoint, new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A), 1, TimeSpan.FromSeconds(2), CancellationToken.None);
        await server.Gate.WaitForHeldAsync(1, CancellationToken.None).WaitAsync(Patience);

        await server.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(1, server.QueryCount);
    }
}
