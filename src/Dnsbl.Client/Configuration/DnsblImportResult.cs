using Dnsbl.Client.Caching;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

/// <summary>What an importer made of a configuration: the lists, the thresholds, and every line it could not import.</summary>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed class DnsblImportResult
{
    internal DnsblImportResult(IReadOnlyList<DnsList> lists, DnsblThresholds thresholds, IReadOnlyList<ImportProblem> problems)
    {
        Lists = lists;
        Thresholds = thresholds;
        Problems = problems;
    }

    /// <summary>The imported lists, in the order they first appear.</summary>
    public IReadOnlyList<DnsList> Lists { get; }

    /// <summary>The imported thresholds (the source's defaults where it sets none; each importer documents its mapping).</summary>
    public DnsblThresholds Thresholds { get; }

    /// <summary>Rules over the lists' named rules (SpamAssassin <c>meta</c> rules); put them in <see cref="DnsblOptions.MetaRules"/>.</summary>
    public IReadOnlyList<Scoring.MetaRule> MetaRules { get; internal init; } = [];

    /// <summary>
    /// Message settings the source sets (SpamAssassin's <c>uridnsbl_skip_domain</c>, <c>uridnsbl_max_domains</c>,
    /// <c>uridnsbl_skip_mailto</c>, <c>redirector_pattern</c>, <c>body_part_scan_size</c>); pass them to message checks. Null when the source has none (postscreen).
    /// </summary>
    public Messages.MessageOptions? MessageOptions { get; internal init; }

    /// <summary>Cache TTL limits the source sets (postscreen's min/max TTL); null when it sets none.</summary>
    public DnsblCacheOptions? Cache { get; internal init; }

    /// <summary>The time limit of a check the source sets (postscreen_dnsbl_timeout); null when it sets none.</summary>
    public TimeSpan? Deadline { get; internal init; }

    /// <summary>The SpamAssassin score set the weights were taken from (0..3); null for other sources.</summary>
    public int? ScoreSet { get; internal init; }

    /// <summary>Every line that was not imported or was imported only in part, in file order. Empty means a faithful import.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }
}
