namespace Dnsbl.Client.Configuration;

/// <summary>How <see cref="SpamAssassinImporter"/> reads SpamAssassin's configuration.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed class SpamAssassinImportOptions
{
    /// <summary>The default score set: network tests on, Bayes off (a DNS-list client's situation).</summary>
    public const int DefaultScoreSet = 1;

    /// <summary>
    /// Which of a four-value <c>score</c> line's scores is used: 0 = no network tests, no Bayes; 1 = network tests,
    /// no Bayes; 2 = Bayes, no network tests; 3 = both (SpamAssassin's own numbering).
    /// </summary>
    /// <value>The default value is 1.</value>
    public int ScoreSet { get; init; } = DefaultScoreSet;

    /// <summary>How the address-based URI rules (<c>uridnssub</c>: URIBL_SBL, URIBL_SBL_A...) are imported; see <see cref="NameServerRuleMode"/>.</summary>
    /// <value>The default value is <see cref="NameServerRuleMode.AsSpamAssassin4Runs"/>: the same hits as the SpamAssassin the rules ship with.</value>
    public NameServerRuleMode NameServerRules { get; init; } = NameServerRuleMode.AsSpamAssassin4Runs;
}
