using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Lookups;

/// <summary>What a check needs of the options, copied (options stay mutable; a running check must not see a change).</summary>
internal sealed class CheckSettings(TimeSpan deadline, ErrorPolicy errorPolicy, DnsblThresholds thresholds)
{
    public TimeSpan Deadline { get; } = deadline;

    public ErrorPolicy ErrorPolicy { get; } = errorPolicy;

    public DnsblThresholds Thresholds { get; } = new()
    {
        Reject = thresholds.Reject,
        Tag = thresholds.Tag,
        AllowList = thresholds.AllowList,
    };
}
