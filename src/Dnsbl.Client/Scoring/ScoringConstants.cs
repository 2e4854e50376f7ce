namespace Dnsbl.Client.Scoring;

/// <summary>Defaults of the verdict thresholds, quoted by <see cref="DnsblThresholds"/>.</summary>
internal static class ScoringConstants
{
    // postscreen_dnsbl_threshold defaults to 1; its allowlist threshold is off unless negative.
    public const double RejectThreshold = 1;
    public const double AllowListThreshold = -1;
}
