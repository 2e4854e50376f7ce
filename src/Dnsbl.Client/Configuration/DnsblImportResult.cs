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

    /// <summary>Every line that was not imported or was imported only in part, in file order. Empty means a faithful import.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }
}
