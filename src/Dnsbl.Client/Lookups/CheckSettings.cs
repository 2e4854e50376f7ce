using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Lookups;

/// <summary>What a check needs of the options, copied (options stay mutable; a running check must not see a change).</summary>
internal sealed class CheckSettings(TimeSpan deadline, ErrorPolicy errorPolicy, DnsblThresholds thresholds, Messages.MessageOptions? message = null, IEnumerable<MetaRule>? metaRules = null)
{
    public TimeSpan Deadline { get; } = deadline;

    public ErrorPolicy ErrorPolicy { get; } = errorPolicy;

    public DnsblThresholds Thresholds { get; } = new()
    {
        Reject = thresholds.Reject,
        Tag = thresholds.Tag,
        AllowList = thresholds.AllowList,
    };

    /// <summary>The message options used when a message check is given none (MessageOptions is init-only: safe to share).</summary>
    public Messages.MessageOptions Message { get; } = message ?? new();

    public MetaRuleSet MetaRules { get; } = metaRules is null || !metaRules.Any() ? MetaRuleSet.Empty : new(metaRules);
}
