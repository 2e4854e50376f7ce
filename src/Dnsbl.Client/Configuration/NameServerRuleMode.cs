namespace Dnsbl.Client.Configuration;

/// <summary>
/// How <see cref="SpamAssassinImporter"/> imports SpamAssassin's address-based URI rules (<c>uridnssub</c>/<c>uridnsbl</c>:
/// URIBL_SBL, URIBL_CSS, URIBL_SBL_A, URIBL_CSS_A).
/// </summary>
/// <remarks>
/// SpamAssassin 4.0 documents <c>tflags ns</c> (the default) as "the addresses of the link domain's name servers" and
/// <c>tflags a</c> as "the addresses of the link host". What 4.0.x runs differs (URIDNSBL.pm, <c>complete_ns_lookup</c>):
/// the name servers' addresses are handed to the <c>a</c> rules, and the <c>ns</c> rules are never asked anything, so
/// URIBL_SBL and URIBL_CSS cannot hit and URIBL_SBL_A/URIBL_CSS_A also hit on name-server addresses (seen in the wild:
/// spamhaus/spamassassin-dqs issue 77).
/// </remarks>
public enum NameServerRuleMode
{
    /// <summary>
    /// As SpamAssassin 4.0.x runs them: <c>a</c> rules ask the link host's addresses and, when any name-server rule is
    /// enabled, its domain's name-server addresses too; <c>ns</c>-only rules are reported and not imported (they cannot hit).
    /// The hits and score equal SpamAssassin's.
    /// </summary>
    AsSpamAssassin4Runs,

    /// <summary>As SpamAssassin documents them: <c>ns</c> rules ask the name-server addresses, <c>a</c> rules the link host's addresses.</summary>
    AsDocumented,
}
