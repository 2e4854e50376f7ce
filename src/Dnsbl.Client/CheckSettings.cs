namespace Dnsbl.Client;

/// <summary>The immutable snapshot of the options a check needs (thresholds are copied: options stay mutable).</summary>
internal sealed class CheckSettings(DnsblOptions options)
{
    public TimeSpan Deadline { get; } = options.Deadline;

    public ErrorPolicy ErrorPolicy { get; } = options.ErrorPolicy;

    public DnsblThresholds Thresholds { get; } = new()
    {
        Reject = options.Thresholds.Reject,
        Tag = options.Thresholds.Tag,
        AllowList = options.Thresholds.AllowList,
    };

    public Messages.MessageOptions Message { get; } = options.Message;

    public Scoring.MetaRuleSet MetaRules { get; } = options.MetaRules.Count == 0 ? Scoring.MetaRuleSet.Empty : new(options.MetaRules);
}
