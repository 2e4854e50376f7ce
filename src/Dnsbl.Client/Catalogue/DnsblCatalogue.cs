using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Catalogue;

/// <summary>
/// Well-known DNS lists as data: zones, named return-code rules with suggested weights (and where each weight comes from),
/// operator error codes, probe points, usage terms. Names are stable kebab-case (<c>spamhaus-zen</c>, <c>spamcop</c>...);
/// lookups by zone (<c>zen.spamhaus.org</c>) work too. Retired lists (SORBS, AHBL, NJABL, DSBL...) are refused with the reason.
/// </summary>
/// <remarks>
/// Weights are on SpamAssassin's scale (a message is spam at 5) unless an entry's <see cref="CatalogueEntry.WeightSource"/>
/// says otherwise: pair them with <see cref="Scoring.DnsblThresholds.Reject"/> of about 5, or scale them. To change an entry,
/// use <see cref="CatalogueEntry.Customize"/>. Usage terms change; check each operator's site before production use.
/// Thread-safe: static members keep no shared mutable state; call them from any thread.
/// </remarks>
public static partial class DnsblCatalogue
{
    // One build: the index and the ordered list share the same entry instances. The data partials' factories read no
    // static fields of this class (constants and other classes only): field order across partial files is unspecified.
    private static readonly CatalogueEntry[] All = [.. AllEntries()];
    private static readonly FrozenDictionary<string, CatalogueEntry> ByName = BuildIndex(All);

    /// <summary>Every catalogue entry, in a stable order.</summary>
    public static IReadOnlyList<CatalogueEntry> Entries => All;

    /// <summary>Finds a list by catalogue name or zone (case-insensitive).</summary>
    /// <param name="name">A catalogue name (<c>spamhaus-zen</c>) or zone (<c>zen.spamhaus.org</c>).</param>
    /// <param name="list">The list, when found.</param>
    /// <returns>True when found; false for unknown and for retired lists (see <see cref="IsRetired"/>).</returns>
    public static bool TryGet(string name, [NotNullWhen(true)] out DnsList? list)
    {
        list = TryGetEntry(name, out var entry) ? entry.List : null;
        return list is not null;
    }

    /// <summary>Finds a catalogue entry by catalogue name or zone (case-insensitive).</summary>
    /// <param name="name">A catalogue name or zone.</param>
    /// <param name="entry">The entry, when found.</param>
    /// <returns>True when found; false for unknown and for retired lists.</returns>
    public static bool TryGetEntry(string name, [NotNullWhen(true)] out CatalogueEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name.Trim().TrimEnd('.'), out entry);
    }

    /// <summary>Gets a list by catalogue name or zone.</summary>
    /// <param name="name">A catalogue name or zone.</param>
    /// <returns>The list.</returns>
    /// <exception cref="RetiredListException">The list no longer operates; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">The name is not in the catalogue.</exception>
    public static DnsList Get(string name) => GetEntry(name).List;

    /// <summary>Gets a catalogue entry by catalogue name or zone.</summary>
    /// <param name="name">A catalogue name or zone.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="RetiredListException">The list no longer operates; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">The name is not in the catalogue.</exception>
    public static CatalogueEntry GetEntry(string name)
    {
        if (TryGetEntry(name, out var entry))
        {
            return entry;
        }

        if (IsRetired(name, out var reason))
        {
            throw new RetiredListException(name, reason);
        }

        throw new KeyNotFoundException(
            $"\"{name}\" is not in the DNS list catalogue; known names: {string.Join(", ", Entries.Select(e => e.Name))}.");
    }

    /// <summary>Whether <paramref name="name"/> (a catalogue-style name or a zone) is a list known to be shut down.</summary>
    /// <param name="name">For example <c>sorbs</c> or <c>dnsbl.sorbs.net</c>.</param>
    /// <param name="reason">Why and when it was retired, when it is.</param>
    /// <returns>True for a retired list.</returns>
    public static bool IsRetired(string name, [NotNullWhen(true)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RetiredLists.Reasons.TryGetValue(name.Trim().TrimEnd('.'), out reason);
    }

    private static IEnumerable<CatalogueEntry> AllEntries() =>
    [
        .. SpamhausEntries(),
        CreateSpamcop(),
        CreateBarracuda(),
        CreatePsbl(),
        CreateMailspikeBlock(),
        CreateMailspikeAllow(),
        .. UceprotectEntries(),
        CreateDnswl(),
        CreateUribl(),
        CreateSurbl(),
    ];

    private static FrozenDictionary<string, CatalogueEntry> BuildIndex(CatalogueEntry[] entries)
    {
        var index = new Dictionary<string, CatalogueEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            index.Add(entry.Name, entry);
            if (!entry.RequiresKey)
            {
                index.TryAdd(entry.List.Zone, entry);
            }
        }

        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static CatalogueEntry Named(string name) => ByName[name];
}
