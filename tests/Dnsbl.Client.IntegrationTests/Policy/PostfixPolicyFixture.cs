using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Policy;

namespace Dnsbl.Client.IntegrationTests.Policy;

/// <summary>
/// rbldnsd serving the lists, the policy service on a free loopback port, and a throw-away Postfix asking it from
/// smtpd_recipient_restrictions. Client addresses are presented through XCLIENT; they are only ever DNS query names
/// sent to rbldnsd on loopback, never contacted.
/// </summary>
public sealed class PostfixPolicyFixture : IAsyncLifetime
{
    /// <summary>On black.test (weight 6, reject at 5).</summary>
    public const string ListedClient = "7.7.7.7";

    /// <summary>On black.test and on the allow list white.test (weight -10): allow-listed.</summary>
    public const string AllowListedClient = "8.8.4.4";

    /// <summary>On no list.</summary>
    public const string CleanClient = "9.9.9.9";

    /// <summary>A sender domain on the domain list dbl.test (weight 6).</summary>
    public const string ListedSenderDomain = "spam-sender.net";

    public RbldnsdServer Dns { get; private set; } = null!;

    public DnsblClient Client { get; private set; } = null!;

    public DnsblPolicyServer Policy { get; private set; } = null!;

    public PostfixInstance Postfix { get; private set; } = null!;

    public int PolicyPort => ((IPEndPoint)Policy.LocalEndPoints[0]).Port;

    public static string Restrictions(int policyPort) =>
        $"check_policy_service {{ inet:127.0.0.1:{policyPort}, default_action=DUNNO }}, reject_unauth_destination";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Dns = await RbldnsdServer.StartAsync(
        [
            new RbldnsdZone("black.test", "ip4set", "black", $":127.0.0.2:Listed, see http://black.test/$\n{ListedClient}\n{AllowListedClient}\n"),
            new RbldnsdZone("white.test", "ip4set", "white", $":127.0.0.2:\n{AllowListedClient}\n"),
            new RbldnsdZone("dbl.test", "dnset", "dbl", $":127.0.1.2:\n{ListedSenderDomain}\n"),
        ], timeout.Token);
        Client = CreateClient(Dns);
        Policy = new DnsblPolicyServer(Client, new DnsblPolicyOptions { Listen = ["127.0.0.1:0"], RunHealthProbing = false });
        await Policy.StartAsync(timeout.Token);
        Postfix = await PostfixInstance.StartAsync(Restrictions(PolicyPort), timeout.Token);
    }

    public static DnsblClient CreateClient(RbldnsdServer dns)
    {
        var options = new DnsblOptions
        {
            Lists = [DnsList.Parse("black.test*6"), DnsList.Parse("white.test*-10"), DnsList.Parse("dbl.test*6", DnsListKind.DomainBlockList)],
            Nameservers = [dns.EndPoint.ToString()],
        };
        options.Thresholds.Reject = 5;
        options.Thresholds.Tag = 0; // every accepted message carries its score
        options.Health.Enabled = false;
        return new DnsblClient(options);
    }

    public async Task DisposeAsync()
    {
        if (Postfix is not null)
        {
            await Postfix.DisposeAsync();
        }

        if (Policy is not null)
        {
            await Policy.DisposeAsync();
        }

        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (Dns is not null)
        {
            await Dns.DisposeAsync();
        }
    }
}
