using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.IntegrationTests.Reliability;

/// <summary>0x20 against the real thing: rbldnsd echoes the question's case, so mixed-case queries still get answers.</summary>
public sealed class CaseRandomizationRbldnsdTests
{
    private const string Zone = "blocklist.example.test";

    [Fact]
    public async Task CheckAsync_CaseRandomizationAgainstRbldnsd_ListedAndNotListedAsWithout()
    {
        await using var rbldnsd = await RbldnsdServer.StartAsync(
            [new RbldnsdZone(Zone, "ip4set", "bl.ip4set", ":127.0.0.2:Listed\n127.0.0.2\n")], CancellationToken.None);
        var options = new DnsblOptions
        {
            Lists = [new DnsList(Zone)],
            Nameservers = [$"127.0.0.1:{rbldnsd.EndPoint.Port}"],
            UseCaseRandomization = true,
            // One attempt, so an answer refused for its case is never hidden by a retry; 5 s, because rbldnsd always
            // answers and a 1 s attempt can run out on a loaded machine (a timeout is not what this test is about).
            Attempts = 1,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            Deadline = TimeSpan.FromSeconds(10),
        };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        await using var client = new DnsblClient(options);

        for (var i = 0; i < 20; i++)
        {
            var listed = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));
            var clean = await client.CheckAsync(IPAddress.Parse("127.0.0.3"));

            Assert.Equal(ListOutcomeKind.Listed, Assert.Single(listed.Lists).Kind);
            Assert.Equal(ListOutcomeKind.NotListed, Assert.Single(clean.Lists).Kind);
        }
    }
}
