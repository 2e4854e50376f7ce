namespace Dnsbl.Client.Redis.Budget;

/// <summary>How long a budget window's key outlives its window.</summary>
internal static class RedisBudgetConstants
{
    /// <summary>A minute's key lives two minutes from its first count: a node whose clock is a little behind still finds (and adds to) the count of the minute it believes it is in.</summary>
    public static readonly TimeSpan MinuteMargin = TimeSpan.FromMinutes(1);

    /// <summary>A day's key lives 25 hours from its first count.</summary>
    public static readonly TimeSpan DayMargin = TimeSpan.FromHours(1);
}
