using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

public sealed class DnsblClientCircuitTests
{
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new ScriptedResolver().Status("2.0.0.127.dead.test", DnsRecordType.A, DnsLookupStatus.Timeout);

    [Fact]
    public async Task CheckAsync_ListKeepsTimingOut_SkippedAsCircuitOpenWithoutAskingWhileOtherListsAreAsked()
    {
        await using var client = ClientFactory.Create(_resolver, _time, o => o.Cache.Enabled = false, new DnsList("dead.test"), new DnsList("bl.test"));
        await FailUntilOpenAsync(client);

        var result = await client.CheckAsync(Address);

        Assert.Equal(ResilienceConstants.MinimumThroughput, _resolver.TimesAsked("2.0.0.127.dead.test"));
        Assert.Equal(ResilienceConstants.MinimumThroughput + 1, _resolver.TimesAsked("2.0.0.127.bl.test"));
        Assert.Equal(ListOutcomeKind.Skipped, result.Lists[0].Kind);
        Assert.Contains("circuit open", result.Lists[0].SkipReason, StringComparison.Ordinal);
        Assert.Equal(ListOutcomeKind.NotListed, result.Lists[1].Kind);
    }

    [Fact]
    public async Task CheckAsync_AfterTheBreakTheListAnswers_AskedAgainAndBackInTheResult()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("dead.test"));
        await FailUntilOpenAsync(client);
        _resolver.Listed("2.0.0.127.dead.test", 60, "127.0.0.2");

        Assert.Equal(ListOutcomeKind.Skipped, (await client.CheckAsync(Address)).Lists[0].Kind);
        _time.Advance(ResilienceConstants.BreakDuration);
        var trial = await client.CheckAsync(Address);

        Assert.Equal(ListOutcomeKind.Listed, trial.Lists[0].Kind);
        Assert.Equal(ResilienceConstants.MinimumThroughput + 1, _resolver.TimesAsked("2.0.0.127.dead.test"));
    }

    [Fact]
    public async Task CheckAsync_ListFailsOnlySometimes_NeverSkipped()
    {
        await using var client = ClientFactory.Create(_resolver, _time, o => o.Cache.Enabled = false, new DnsList("dead.test"));
        for (var i = 0; i < 3 * ResilienceConstants.MinimumThroughput; i++)
        {
            // Every fifth lookup answers: a failure ratio of 0.8, under the 0.9 that opens the circuit.
            if (i % 5 == 0)
            {
                _resolver.Listed("2.0.0.127.dead.test", 60, "127.0.0.2");
            }
            else
            {
                _resolver.Status("2.0.0.127.dead.test", DnsRecordType.A, DnsLookupStatus.ServerFailure);
            }

            Assert.NotEqual(ListOutcomeKind.Skipped, (await client.CheckAsync(Address)).Lists[0].Kind);
        }
    }

    private static async Task FailUntilOpenAsync(DnsblClient client)
    {
        for (var i = 0; i < ResilienceConstants.MinimumThroughput; i++)
        {
            var result = await client.CheckAsync(Address);
            Assert.Equal(ListOutcomeKind.Error, result.Lists[0].Kind);
        }
    }
}
