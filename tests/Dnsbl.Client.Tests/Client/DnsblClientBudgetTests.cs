using System.Net;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>
/// Query budgets through the client (counted in-process, no shared counter): only queries sent count, a spent list is
/// skipped with reason "over budget" and shows in the health report and health check, and comes back when the window rolls over.
/// </summary>
public sealed class DnsblClientBudgetTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-11T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ScriptedResolver _resolver = new();

    [Fact]
    public async Task CheckAsync_PerMinuteBudgetSpent_SkippedOverBudgetUntilTheMinuteRollsOver()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test") { Budget = new ListBudget { PerMinute = 2 } });

        await client.CheckAsync(Address(1));
        await client.CheckAsync(Address(2));
        var spent = await client.CheckAsync(Address(3));

        Assert.Equal(2, _resolver.AskedCount);
        var skipped = Assert.Single(spent.Lists);
        Assert.Equal(ListOutcomeKind.Skipped, skipped.Kind);
        Assert.StartsWith("over budget: 2 of 2 queries this minute", skipped.SkipReason, StringComparison.Ordinal);
        Assert.True(spent.IsDegraded);
        var health = Assert.Single(client.Health.GetReport().Lists);
        Assert.Equal(ListBudgetState.OverBudget, health.Budget!.State);
        Assert.True(health.Missing);
        Assert.Contains("\"state\":\"overBudget\"", client.Health.GetReport().ToJson(), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(1));
        var back = await client.CheckAsync(Address(4));

        Assert.Equal(ListOutcomeKind.NotListed, back.Lists[0].Kind);
        Assert.Equal(3, _resolver.AskedCount);
        Assert.Equal(ListBudgetState.Within, client.Health.GetReport().Lists[0].Budget!.State);
    }

    [Fact]
    public async Task CheckAsync_CacheHits_AreNotCounted()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test") { Budget = new ListBudget { PerMinute = 2 } });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ListOutcomeKind.NotListed, (await client.CheckAsync(Address(1))).Lists[0].Kind);
        }

        Assert.Equal(ListOutcomeKind.NotListed, (await client.CheckAsync(Address(2))).Lists[0].Kind);
        Assert.Equal(2, _resolver.AskedCount);
    }

    [Fact]
    public async Task CheckAsync_KeepAskingPastTheLimit_AskedAndReportedOverBudget()
    {
        var budget = new ListBudget { PerMinute = 1, WhenExhausted = BudgetExhaustedAction.KeepAsking };
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test") { Budget = budget });

        await client.CheckAsync(Address(1));
        var over = await client.CheckAsync(Address(2));

        Assert.Equal(ListOutcomeKind.NotListed, over.Lists[0].Kind);
        Assert.Equal(2, _resolver.AskedCount);
        var health = client.Health.GetReport().Lists[0];
        Assert.Equal(ListBudgetState.OverBudget, health.Budget!.State);
        Assert.False(health.Budget.Skipping);
        Assert.False(health.Missing);
    }

    [Fact]
    public async Task CheckHealthAsync_NearTheLimit_DegradedBeforeAnyListIsSkipped()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test") { Budget = new ListBudget { PerMinute = 10 } }, new DnsList("other.test"));
        for (var i = 0; i < 8; i++)
        {
            await client.CheckAsync(Address(i));
        }

        var result = await new DnsblHealthCheck(client.Health).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("1 of 2 DNS lists are near or over their query budget", result.Description, StringComparison.Ordinal);
        Assert.Contains("(nearLimit)", (string)result.Data["bl.test"], StringComparison.Ordinal);
        Assert.Equal(0, client.Health.GetReport().Summary.Missing);
    }

    [Fact]
    public async Task CheckAsync_ListWithoutBudget_NeverSkippedForBudget()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(ListOutcomeKind.NotListed, (await client.CheckAsync(Address(i))).Lists[0].Kind);
        }

        Assert.Null(client.Health.GetReport().Lists[0].Budget);
    }

    [Fact]
    public void Constructor_BudgetWithoutALimit_RejectedByName()
    {
        var options = new DnsblOptions { Lists = [new DnsList("bl.test") { Budget = new ListBudget { NearFraction = 0.5 } }] };

        var error = Assert.Throws<DnsblConfigurationException>(() => new DnsblClient(options));

        Assert.Contains("Lists[0].Budget has neither PerMinute nor PerDay", error.Message, StringComparison.Ordinal);
    }

    private static IPAddress Address(int n) => new([10, 9, (byte)(n >> 8), (byte)n]);
}
