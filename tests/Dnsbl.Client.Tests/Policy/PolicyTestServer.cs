using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Policy;
using Dnsbl.Client.Tests.Client;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Policy;

/// <summary>
/// A policy server on a free loopback port over a client with a scripted resolver and a fake clock. Lists: bl.test
/// (IP, weight 6), allow.test (IP allow list, weight -10), dbl.test (domain, weight 6); reject at 5, tag at 1.
/// Client addresses are only query names for the scripted resolver: nothing is sent anywhere.
/// </summary>
internal sealed class PolicyTestServer : IAsyncDisposable
{
    public const string ListedClient = "7.7.7.7";
    public const string TaggedClient = "6.6.6.6";
    public const string AllowListedClient = "8.8.4.4";
    public const string CleanClient = "9.9.9.9";

    private PolicyTestServer(ScriptedResolver resolver, FakeTimeProvider time, DnsblClient client, DnsblPolicyServer server)
    {
        Resolver = resolver;
        Time = time;
        Client = client;
        Server = server;
    }

    public ScriptedResolver Resolver { get; }

    public FakeTimeProvider Time { get; }

    public DnsblClient Client { get; }

    public DnsblPolicyServer Server { get; }

    public IPEndPoint EndPoint => (IPEndPoint)Server.LocalEndPoints[0];

    public static async Task<PolicyTestServer> StartAsync(Action<DnsblPolicyOptions>? configure = null, params DnsList[] lists)
    {
        var resolver = new ScriptedResolver()
            .Listed("7.7.7.7.bl.test", 300, "127.0.0.2")
            .Listed("4.4.8.8.bl.test", 300, "127.0.0.2")
            .Listed("4.4.8.8.allow.test", 300, "127.0.0.2")
            .Listed("6.6.6.6.grey.test", 300, "127.0.0.2")
            .Listed("spam-sender.net.dbl.test", 300, "127.0.1.2");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        DnsList[] used = lists.Length > 0 ? lists :
        [
            DnsList.Parse("bl.test*6"),
            DnsList.Parse("grey.test*2"),
            DnsList.Parse("allow.test*-10"),
            DnsList.Parse("dbl.test*6", DnsListKind.DomainBlockList),
        ];
        var client = ClientFactory.Create(resolver, time, options =>
        {
            options.Thresholds.Reject = 5;
            options.Thresholds.Tag = 1;
        }, used);
        var options = new DnsblPolicyOptions { Listen = ["127.0.0.1:0"], RunHealthProbing = false };
        configure?.Invoke(options);
        var server = new DnsblPolicyServer(client, options, null, time);
        await server.StartAsync();
        return new PolicyTestServer(resolver, time, client, server);
    }

    public Task<PolicyTestClient> ConnectAsync() => PolicyTestClient.ConnectAsync(EndPoint);

    /// <summary>A request as Postfix 3.7 sends it at RCPT TO (the attributes the service reads, and a few it ignores).</summary>
    public static string Request(string clientAddress, string helo = "mx.example.net", string sender = "someone@example.org", string instance = "1a2b.5f6e7d8c.1", string recipient = "user@example.com") =>
        $"request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\nclient_address={clientAddress}\nclient_name=unknown\n" +
        $"reverse_client_name=unknown\nhelo_name={helo}\nsender={sender}\nrecipient={recipient}\nrecipient_count=0\nqueue_id=\n" +
        $"instance={instance}\nsize=0\netrn_domain=\nstress=\nsasl_method=\nsasl_username=\nsasl_sender=\nccert_subject=\n" +
        "ccert_issuer=\nccert_fingerprint=\nencryption_protocol=\nencryption_cipher=\nencryption_keysize=0\npolicy_context=\n\n";

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Client.DisposeAsync();
    }
}
