using Dnsbl.Client.Budgets;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Budgets;

/// <summary>Near and over thresholds, the fraction shown, when the state resets and the words a skip carries.</summary>
public sealed class BudgetStatusReaderTests
{
    private const long Noon = 1_796_990_400;

    [Theory]
    [InlineData(79, ListBudgetState.Within)]
    [InlineData(80, ListBudgetState.NearLimit)]
    [InlineData(99, ListBudgetState.NearLimit)]
    [InlineData(100, ListBudgetState.OverBudget)]
    [InlineData(130, ListBudgetState.OverBudget)]
    public void StateOf_UsedAgainstPerMinute_ReadsTheDefaultNearFraction(long used, ListBudgetState expected) =>
        Assert.Equal(expected, BudgetStatusReader.StateOf(new ListBudget { PerMinute = 100 }, used, used));

    [Fact]
    public void StateOf_CustomNearFractionOnTheDailyLimit_NearOnlyPastIt()
    {
        var budget = new ListBudget { PerDay = 1000, NearFraction = 0.95 };

        Assert.Equal(ListBudgetState.Within, BudgetStatusReader.StateOf(budget, 900, 900));
        Assert.Equal(ListBudgetState.NearLimit, BudgetStatusReader.StateOf(budget, 10, 950));
    }

    [Fact]
    public void StatusOf_MinuteSpent_SkipsAndResetsAtTheNextMinute()
    {
        var status = BudgetStatusReader.StatusOf(new ListBudget { PerMinute = 10, PerDay = 1000 }, 10, 500, Noon + 30, fleetWide: true);

        Assert.Equal(ListBudgetState.OverBudget, status.State);
        Assert.True(status.Skipping);
        Assert.Equal(1.0, status.UsedFraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Noon + 60), status.ResetsAt);
        Assert.Equal("over budget: 10 of 10 queries this minute (fleet-wide); asked again from 12:01:00Z", BudgetStatusReader.SkipReasonOf(status));
    }

    [Fact]
    public void StatusOf_DaySpentKeepAsking_NotSkippingAndResetsAtMidnight()
    {
        var status = BudgetStatusReader.StatusOf(new ListBudget { PerMinute = 10, PerDay = 1000, WhenExhausted = BudgetExhaustedAction.KeepAsking }, 3, 1000, Noon, fleetWide: false);

        Assert.Equal(ListBudgetState.OverBudget, status.State);
        Assert.False(status.Skipping);
        Assert.Equal(DateTimeOffset.Parse("2026-12-12T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), status.ResetsAt);
    }
}
