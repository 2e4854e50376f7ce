using System.Net;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Dns;

public sealed class DnsStubResolverTests
{
    private static readonly IPEndPoint First = new(IPAddress.Loopback, 5301);
    private static readonly IPEndPoint Second = new(IPAddress.Parse("127.0.0.2"), 5302);
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.example", DnsRecordType.A);

    private static DnsRecord A(string name, string address, uint ttl) => new(name, DnsRecordType.A, ttl) { Address = IPAddress.Parse(address) };

    private static DnsRecord Cname(string name, string target, uint ttl = 600) => new(name, DnsRecordType.CNAME, ttl) { Target = target };

    private static DnsRecord Soa(uint ttl, uint minimum) => new("zen.example", DnsRecordType.SOA, ttl) { Target = "ns.zen.example", SoaMinimum = minimum };

    private static (DnsStubResolver Resolver, ScriptedDnsTransport Transport) Create(Func<DnsQuestion, IPEndPoint, DnsExchangeResult> script, int attempts = 2)
    {
        var transport = new ScriptedDnsTransport(script);
        return (new DnsStubResolver(new DnsStubResolverOptions([First, Second], TimeSpan.FromSeconds(1), attempts), transport), transport);
    }

    [Fact]
    public async Task ResolveAsync_Rotate_EachLookupStartsAtTheNextServer()
    {
        var transport = new ScriptedDnsTransport((q, _) => ScriptedDnsTransport.Respond(q, answers: [A(q.Name, "127.0.0.2", 60)]));
        var options = new DnsStubResolverOptions([First, Second], TimeSpan.FromSeconds(1), 2) { Rotate = true };
        var failover = new Dnsbl.Client.Resilience.FailoverResolver(new DnsStubResolver(options, transport), TimeProvider.System);

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(DnsLookupStatus.Answered, (await failover.ResolveAsync(Question, CancellationToken.None)).Status);
        }

        Assert.Equal([Second, First, Second, First], transport.ServersAsked);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61_000)]
    public void Options_AttemptTimeoutOutOfRange_Throws(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DnsStubResolverOptions([First], TimeSpan.FromMilliseconds(milliseconds), 1));
    }

    [Fact]
    public async Task ResolveAsync_TwoAddresses_AnsweredWithSmallestTtl()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, answers: [A(q.Name, "127.0.0.2", 300), A(q.Name, "127.0.0.10", 120)]));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal([IPAddress.Parse("127.0.0.2"), IPAddress.Parse("127.0.0.10")], result.Addresses);
        Assert.Equal(TimeSpan.FromSeconds(120), result.TimeToLive);
        Assert.Equal(First, result.Server);
    }

    [Fact]
    public async Task ResolveAsync_CnameChainInAnswer_FollowsItAndKeepsOnlyTheAskedType()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, answers:
        [
            Cname(q.Name.ToUpperInvariant(), "a.example", 60),
            Cname("a.example", "b.example"),
            new DnsRecord("b.example", DnsRecordType.TXT, 600) { Text = "ignored" },
            A("b.example", "127.0.0.3", 600),
            A("unrelated.example", "127.0.0.9", 600),
        ]));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal([IPAddress.Parse("127.0.0.3")], result.Addresses);
        Assert.Equal(TimeSpan.FromSeconds(60), result.TimeToLive);
    }

    [Fact]
    public async Task ResolveAsync_CnameLoopThroughAKeyedZone_DetailNamesNoTarget()
    {
        const string Keyed = "k3y0f1234567890abcdefghijkl.zen.dq.spamhaus.net";
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, answers: [Cname(q.Name, Keyed), Cname(Keyed, q.Name)]), attempts: 1);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Malformed, result.Status);
        Assert.DoesNotContain("k3y0f", result.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ResolveAsync_CnameLoop_IsMalformed()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, answers: [Cname(q.Name, "a.example"), Cname("a.example", q.Name)]), attempts: 1);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Malformed, result.Status);
        Assert.Contains("loops", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_CnameChainTooLong_IsMalformed()
    {
        var chain = Enumerable.Range(0, 12).Select(i => Cname(i == 0 ? Question.Name : $"c{i}.example", $"c{i + 1}.example")).ToArray();
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, answers: chain), attempts: 1);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Malformed, result.Status);
    }

    [Fact]
    public async Task ResolveAsync_OnlyOtherTypesInAnswer_IsNoDataWithSoaTtl()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(
            q,
            answers: [new DnsRecord(q.Name, DnsRecordType.TXT, 300) { Text = "listed" }],
            authorities: [Soa(900, 120)]));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.NoData, result.Status);
        Assert.Empty(result.Answers);
        Assert.Equal(TimeSpan.FromSeconds(120), result.TimeToLive);
    }

    [Theory]
    [InlineData(900u, 120u, 120)]
    [InlineData(60u, 3600u, 60)]
    [InlineData(0x8000_0000u, 3600u, 0)]
    public async Task ResolveAsync_NameError_TtlIsMinOfSoaTtlAndMinimum(uint soaTtl, uint minimum, int expectedSeconds)
    {
        var (resolver, transport) = Create((q, _) => ScriptedDnsTransport.Respond(q, DnsResponseCode.NameError, authorities: [Soa(soaTtl, minimum)]));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.NameError, result.Status);
        Assert.Equal(3, result.ResponseCode);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), result.TimeToLive);
        Assert.Single(transport.ServersAsked);
    }

    [Fact]
    public async Task ResolveAsync_NameErrorWithoutSoa_HasNoTtl()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, DnsResponseCode.NameError));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Null(result.TimeToLive);
    }

    [Fact]
    public async Task ResolveAsync_AnswerTtlWithTopBitSet_IsTreatedAsZero()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, answers: [A(q.Name, "127.0.0.2", 0x8000_0001)]));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, result.TimeToLive);
    }

    [Theory]
    [InlineData((int)DnsResponseCode.ServerFailure)]
    [InlineData((int)DnsResponseCode.Refused)]
    public async Task ResolveAsync_FirstServerFails_SecondServerAnswers(int failure)
    {
        var (resolver, transport) = Create((q, server) => server.Equals(First)
            ? ScriptedDnsTransport.Respond(q, (DnsResponseCode)failure)
            : ScriptedDnsTransport.Respond(q, answers: [A(q.Name, "127.0.0.2", 60)]));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(Second, result.Server);
        Assert.Equal([First, Second], transport.ServersAsked);
    }

    [Theory]
    [InlineData((int)DnsExchangeStatus.Timeout, (int)DnsLookupStatus.Timeout)]
    [InlineData((int)DnsExchangeStatus.NetworkError, (int)DnsLookupStatus.NetworkError)]
    [InlineData((int)DnsExchangeStatus.Malformed, (int)DnsLookupStatus.Malformed)]
    public async Task ResolveAsync_EveryAttemptFails_TriesEachServerAttemptsTimes(int failure, int expected)
    {
        var (resolver, transport) = Create((_, _) => new DnsExchangeResult((DnsExchangeStatus)failure, null, "scripted"), attempts: 2);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal((DnsLookupStatus)expected, result.Status);
        Assert.Equal([First, Second, First, Second], transport.ServersAsked);
        Assert.Null(result.TimeToLive);
    }

    [Fact]
    public async Task ResolveAsync_AllRefuse_IsRefused()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q, DnsResponseCode.Refused));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Refused, result.Status);
        Assert.Equal(5, result.ResponseCode);
    }

    [Fact]
    public async Task ResolveAsync_FormatError_IsAFailureThatFailsOverToEveryServer()
    {
        // One definition of failure (DnsLookupStatusExtensions.IsFailure): FORMERR is no answer, another server may do better.
        var (resolver, transport) = Create((q, _) => ScriptedDnsTransport.Respond(q, DnsResponseCode.FormatError));

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.OtherResponseCode, result.Status);
        Assert.Equal(1, result.ResponseCode);
        Assert.Equal(4, transport.ServersAsked.Count);
    }

    [Fact]
    public async Task ResolveAsync_CallerCancelled_ThrowsOperationCanceled()
    {
        var (resolver, _) = Create((q, _) => ScriptedDnsTransport.Respond(q));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await resolver.ResolveAsync(Question, new CancellationToken(true)));
    }

    [Fact]
    public async Task ResolveAsync_LabelLongerThan63_ThrowsArgumentException()
    {
        var (resolver, transport) = Create((q, _) => ScriptedDnsTransport.Respond(q));

        await Assert.ThrowsAsync<ArgumentException>(async () => await resolver.ResolveAsync(new DnsQuestion(new string('a', 64) + ".example", DnsRecordType.A), CancellationToken.None));
        Assert.Empty(transport.ServersAsked);
    }

    [Fact]
    public async Task DisposeAsync_OwnedTransport_IsDisposed()
    {
        var (resolver, transport) = Create((q, _) => ScriptedDnsTransport.Respond(q));

        await resolver.DisposeAsync();

        Assert.True(transport.Disposed);
    }
}
