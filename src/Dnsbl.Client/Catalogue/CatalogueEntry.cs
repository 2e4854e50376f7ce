using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Catalogue;

/// <summary>
/// One well-known list of <see cref="DnsblCatalogue"/>: the lookup definition (<see cref="List"/>) and the facts about it
/// that are not needed for lookups (what it is, its terms of use, where its weights come from, whether it still works).
/// </summary>
/// <remarks>
/// To change a catalogue list (other weights, another display name, TXT fetching), call <see cref="Customize"/>: it copies
/// every setting of <see cref="List"/> and applies only what you pass, e.g.
/// <c>DnsblCatalogue.GetEntry("spamhaus-zen").Customize(rule => rule.Name == "PBL" ? null : rule with { Weight = 5 })</c>.
/// Immutable, so thread-safe: share it freely.
/// </remarks>
public sealed class CatalogueEntry
{
    internal CatalogueEntry(string name, DnsList list, string description, string terms, string weightSource, Uri website)
    {
        Name = name;
        List = list;
        Description = description;
        Terms = terms;
        WeightSource = weightSource;
        Website = website;
    }

    /// <summary>The stable kebab-case catalogue name, e.g. <c>spamhaus-zen</c>.</summary>
    public string Name { get; }

    /// <summary>The list definition used for lookups: zone, kind, named return-code rules, error codes, probe points.</summary>
    public DnsList List { get; }

    /// <summary>What the list holds and what its return codes mean.</summary>
    public string Description { get; }

    /// <summary>The operator's usage terms as far as they are known (volume limits, registration, commercial use).</summary>
    public string Terms { get; }

    /// <summary>Where the suggested rule weights come from, and which of them are approximate.</summary>
    public string WeightSource { get; }

    /// <summary>Whether the list is known to be operating; retired lists are not entries at all (see <see cref="DnsblCatalogue.IsRetired"/>).</summary>
    /// <value>The default value is true.</value>
    public bool IsAlive { get; init; } = true;

    /// <summary>Whether the list only answers under a personal key (e.g. Spamhaus ZRD via DQS); see <see cref="DnsblCatalogue.SpamhausDqs"/>.</summary>
    public bool RequiresKey { get; init; }

    /// <summary>The operator's web site (lookup and removal, terms).</summary>
    public Uri Website { get; }

    /// <summary>
    /// Builds a copy of <see cref="List"/> with some settings changed; every setting not passed is copied unchanged
    /// (error codes, probe points, domain form, relays, key hashing...).
    /// </summary>
    /// <param name="rule">Maps each rule to its replacement; return <see langword="null"/> to drop the rule. Null keeps the rules.</param>
    /// <param name="name">A new display name; null keeps the current one.</param>
    /// <param name="fetchText">Whether listings fetch the TXT reason; null keeps the current setting.</param>
    /// <param name="timeout">A per-list time limit; null keeps the current setting.</param>
    /// <returns>A new list; the catalogue's own list is not changed.</returns>
    public DnsList Customize(
        Func<ReturnCodeRule, ReturnCodeRule?>? rule = null,
        string? name = null,
        bool? fetchText = null,
        TimeSpan? timeout = null)
    {
        var copy = List with
        {
            Rules = rule is null ? List.Rules : List.Rules.Select(rule).OfType<ReturnCodeRule>().ToArray(),
            FetchText = fetchText ?? List.FetchText,
            Timeout = timeout ?? List.Timeout,
        };
        return name is null ? copy : copy with { Name = name };
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
