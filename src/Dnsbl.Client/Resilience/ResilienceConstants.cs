namespace Dnsbl.Client.Resilience;

/// <summary>Circuit-breaker defaults: a list must fail nearly every query of a busy half-minute before it is skipped.</summary>
internal static class ResilienceConstants
{
    public const double FailureRatio = 0.9;
    public const int MinimumThroughput = 20;
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);
}
