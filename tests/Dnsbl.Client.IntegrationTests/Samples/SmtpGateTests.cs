using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;
using Dnsbl.Samples.SmtpGate;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>Real SMTP conversations over loopback with the SmtpGate sample, its lists served by the in-process DNS server.</summary>
public sealed class SmtpGateTests : IAsyncLifetime
{
    private const string BlockList = """
        $SOA 1h ns.gate.test hostmaster.gate.test 1 2h 30m 1w 5m
        :127.0.0.2:Blocked by bl.gate.test: $
        127.0.0.2
        192.0.2.0/24
        """;

    private const string DomainList = """
        $SOA 1h ns.gate.test hostmaster.gate.test 1 2h 30m 1w 5m
        :127.0.1.2:Domain $ listed
        .spam.example
        """;

    // Message checks never ask about reserved names (.example, .test), so the link list holds a real-looking domain;
    // it only ever appears in query names sent to the loopback server.
    private const string LinkList = """
        $SOA 1h ns.gate.test hostmaster.gate.test 1 2h 30m 1w 5m
        :127.0.1.2:Link domain $ listed
        .spam-domain.org
        """;

    private readonly TaskCompletionSource<AcceptedMessage> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private InProcessDnsServer? _dns;
    private DnsblClient? _client;

    public async Task InitializeAsync()
    {
        var zones = new ZoneSet().Add("bl.gate.test", ZoneDatasetType.Ip4Set, BlockList).Add("dbl.gate.test", ZoneDatasetType.DnSet, DomainList)
            .Add("uri.gate.test", ZoneDatasetType.DnSet, LinkList);
        _dns = await InProcessDnsServer.StartAsync(zones);
        _client = new DnsblClient(new DnsblOptions
        {
            Lists = [new DnsList("bl.gate.test"), new DnsList("dbl.gate.test", DnsListKind.DomainBlockList), new DnsList("uri.gate.test", DnsListKind.UriBlockList)],
            Nameservers = [_dns.EndPoint.ToString()],
        });
    }

    public async Task DisposeAsync()
    {
        await _client!.DisposeAsync();
        await _dns!.DisposeAsync();
    }

    private SmtpGateServer StartGate(IPAddress? pretend = null) => SmtpGateServer.Start(
        new SmtpGateOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AllowXclient = true,
            PretendClientAddress = pretend,
            MessageAccepted = (message, _) =>
            {
                _accepted.TrySetResult(message);
                return ValueTask.CompletedTask;
            },
        },
        _client!,
        NullLogger.Instance);

    [Fact]
    public async Task Greeting_PretendedListedClient_Gets554NamingTheList()
    {
        await using var gate = StartGate(IPAddress.Parse("192.0.2.10"));
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);

        var greeting = await smtp.ReadReplyAsync();

        Assert.Equal("554 5.7.1 Service unavailable; client [192.0.2.10] blocked using bl.gate.test", greeting);
        Assert.StartsWith("503 ", await smtp.SendAsync("MAIL FROM:<a@good.example>"));
        Assert.StartsWith("221 ", await smtp.SendAsync("QUIT"));
    }

    [Fact]
    public async Task Xclient_ListedAddress_RestartsSessionWith554()
    {
        await using var gate = StartGate();
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);

        var loopbackGreeting = await smtp.ReadReplyAsync();
        var ehlo = await smtp.SendAsync("EHLO proxy.good.example");
        var greeting = await smtp.SendAsync("XCLIENT ADDR=192.0.2.77");

        Assert.StartsWith("220 ", loopbackGreeting);
        Assert.Contains("250-XCLIENT ADDR", ehlo);
        Assert.Equal("554 5.7.1 Service unavailable; client [192.0.2.77] blocked using bl.gate.test", greeting);
    }

    [Fact]
    public async Task Conversation_CleanClient_AcceptsMessageWithScoreHeader()
    {
        await using var gate = StartGate();
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);
        await smtp.ReadReplyAsync();

        Assert.StartsWith("220 ", await smtp.SendAsync("XCLIENT ADDR=198.51.100.20"));
        Assert.StartsWith("250", await smtp.SendAsync("EHLO mail.good.example"));
        Assert.Equal("250 2.0.0 Ok", await smtp.SendAsync("NOOP"));
        Assert.Equal("250 2.1.0 Ok", await smtp.SendAsync("MAIL FROM:<alice@good.example>"));
        Assert.Equal("250 2.1.5 Ok", await smtp.SendAsync("RCPT TO:<bob@example.org>"));
        Assert.StartsWith("354 ", await smtp.SendAsync("DATA"));
        await smtp.SendLineAsync("Subject: hello\r\n\r\n..a line that started with a dot");
        var queued = await smtp.SendAsync(".");
        var message = await _accepted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var bye = await smtp.SendAsync("QUIT");

        Assert.StartsWith("250 2.0.0 Ok: queued as " + message.QueueId, queued);
        Assert.Equal(IPAddress.Parse("198.51.100.20"), message.ClientAddress);
        Assert.Equal(["bob@example.org"], message.Recipients);
        Assert.StartsWith("X-Dnsbl-Score: 0 (client [198.51.100.20]=0; helo mail.good.example=0; sender alice@good.example=0; message=0 Accept)\r\n", message.Content);
        Assert.Equal(DnsblVerdict.Accept, message.MessageResult?.Verdict);
        Assert.EndsWith("\r\n.a line that started with a dot\r\n", message.Content);
        Assert.StartsWith("221 ", bye);
    }

    [Fact]
    public async Task Data_LinkToListedDomain_IsRejectedAtEndOfDataNamingListAndLink()
    {
        await using var gate = StartGate();
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);
        await smtp.ReadReplyAsync();
        await smtp.SendAsync("XCLIENT ADDR=198.51.100.20");
        await smtp.SendAsync("EHLO mail.good.example");
        await smtp.SendAsync("MAIL FROM:<alice@good.example>");
        await smtp.SendAsync("RCPT TO:<bob@example.org>");
        Assert.StartsWith("354 ", await smtp.SendAsync("DATA"));
        await smtp.SendLineAsync("From: alice@good.example\r\nSubject: offer\r\n\r\nCheap things at http://www.spam-domain.org/buy today.");

        var endOfData = await smtp.SendAsync(".");
        var rcptAfterwards = await smtp.SendAsync("RCPT TO:<bob@example.org>");

        Assert.Equal("550 5.7.1 Message content rejected: uri.gate.test (link spam-domain.org)", endOfData);
        Assert.StartsWith("503 ", rcptAfterwards); // the transaction was reset
        Assert.False(_accepted.Task.IsCompleted);
    }

    [Fact]
    public async Task Data_CleanMessageWithUnlistedLink_Gets250AndHeaderCarriesMessageScore()
    {
        await using var gate = StartGate();
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);
        await smtp.ReadReplyAsync();
        await smtp.SendAsync("EHLO mail.good.example");
        await smtp.SendAsync("MAIL FROM:<>");
        await smtp.SendAsync("RCPT TO:<bob@example.org>");
        await smtp.SendAsync("DATA");
        await smtp.SendLineAsync("Subject: report\r\n\r\nSee https://docs.good-company.org/report for details.");

        var queued = await smtp.SendAsync(".");
        var message = await _accepted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("250 2.0.0 Ok: queued as ", queued);
        Assert.Equal("", message.Sender);
        Assert.StartsWith("X-Dnsbl-Score: 0 (client [127.0.0.1]=0; helo mail.good.example=0; message=0 Accept)\r\n", message.Content);
        Assert.Contains(message.MessageResult!.Lookups, l => l.Source == Dnsbl.Client.Messages.MessageKeySource.Link && l.Outcome.Input == "good-company.org");
    }

    [Fact]
    public async Task Helo_ListedDomain_IsScoredAndMailIsRefused()
    {
        await using var gate = StartGate();
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);
        await smtp.ReadReplyAsync();

        var helo = await smtp.SendAsync("HELO relay.spam.example");
        var mail = await smtp.SendAsync("MAIL FROM:<alice@good.example>");
        var rset = await smtp.SendAsync("RSET");
        var rcpt = await smtp.SendAsync("RCPT TO:<bob@example.org>");

        Assert.StartsWith("250 ", helo);
        Assert.Equal("550 5.7.1 <relay.spam.example>: Helo command rejected: Host name listed by dbl.gate.test", mail);
        Assert.Equal("250 2.0.0 Ok", rset);
        Assert.StartsWith("503 ", rcpt);
    }

    [Fact]
    public async Task Mail_ListedSenderDomain_IsRefused()
    {
        await using var gate = StartGate();
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);
        await smtp.ReadReplyAsync();
        await smtp.SendAsync("EHLO mail.good.example");

        var mail = await smtp.SendAsync("MAIL FROM:<eve@news.spam.example>");

        Assert.Equal("550 5.7.1 <eve@news.spam.example>: Sender address rejected: domain listed by dbl.gate.test", mail);
    }

    [Fact]
    public async Task Xclient_WhenNotAllowed_IsRefused()
    {
        await using var gate = SmtpGateServer.Start(
            new SmtpGateOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0) }, _client!, NullLogger.Instance);
        await using var smtp = await SmtpTestClient.ConnectAsync(gate.EndPoint);
        await smtp.ReadReplyAsync();

        Assert.StartsWith("550 5.7.0 ", await smtp.SendAsync("XCLIENT ADDR=192.0.2.1"));
        Assert.StartsWith("502 ", await smtp.SendAsync("VRFY bob"));
    }
}
