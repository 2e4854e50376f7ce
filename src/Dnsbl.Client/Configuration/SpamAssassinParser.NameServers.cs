using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    // Set by Build before lists are made: whether SpamAssassin would look up link domains' name servers at all (it does
    // when any enabled rule needs them: an 'ns' uridnssub rule, a urinsrhs* or urifullnsrhs* rule).
    private bool nameServersLookedUp;

    /// <summary>What a URIDNSBL rule asks of its list (URIDNSBL.pm <c>parsed_metadata</c> and <c>query_hosts_or_domains</c>).</summary>
    private UriLookupVia UriLookupOf(SpamAssassinRule rule)
    {
        switch (rule.UriKind)
        {
            case SpamAssassinUriKind.NameServerDomains or SpamAssassinUriKind.NameServerHosts:
                return UriLookupVia.NameServerNames;
            case SpamAssassinUriKind.Addresses:
                var asksHost = HasFlag(rule.Name, "a");
                var asksNameServers = HasFlag(rule.Name, "ns") || !asksHost;
                if (nameServerRules == NameServerRuleMode.AsDocumented)
                {
                    return (asksHost ? UriLookupVia.HostAddresses : UriLookupVia.None) | (asksNameServers ? UriLookupVia.NameServerAddresses : UriLookupVia.None);
                }

                // As 4.0.x runs: complete_ns_lookup hands the name servers' addresses to the 'a' rules only.
                return asksHost ? UriLookupVia.HostAddresses | (nameServersLookedUp ? UriLookupVia.NameServerAddresses : UriLookupVia.None) : UriLookupVia.None;
            default:
                return UriLookupVia.LinkName;
        }
    }

    private DomainQueryForm UriFormOf(SpamAssassinRule rule) => rule.UriKind switch
    {
        SpamAssassinUriKind.NameServerDomains => DomainQueryForm.RegistryBoundaries, // trim_domain, as URIDNSBL cuts NS names
        SpamAssassinUriKind.NameServerHosts => DomainQueryForm.FullHostName,
        SpamAssassinUriKind.Addresses => DomainQueryForm.RegistryBoundaries, // the keys are addresses; this cuts the domain whose name servers are resolved
        _ => HasFlag(rule.Name, "notrim") ? DomainQueryForm.FullHostName : DomainQueryForm.RegistryBoundaries, // uri_to_domain's cut
    };

    private bool NeedsNameServers(SpamAssassinRule rule) => rule.Lookup == SpamAssassinLookup.Links && rule.UriKind switch
    {
        SpamAssassinUriKind.NameServerDomains or SpamAssassinUriKind.NameServerHosts => true,
        SpamAssassinUriKind.Addresses => HasFlag(rule.Name, "ns") || !HasFlag(rule.Name, "a"),
        _ => false,
    };

    /// <summary>
    /// In <see cref="NameServerRuleMode.AsSpamAssassin4Runs"/>, the address rules without <c>tflags a</c> never hit in
    /// SpamAssassin 4.0: they are reported and left out (refusal rules among them still give their zone's error codes).
    /// </summary>
    private List<SpamAssassinRule> WithoutRulesThatNeverHit(List<SpamAssassinRule> enabled)
    {
        nameServersLookedUp = enabled.Exists(NeedsNameServers);
        if (nameServerRules == NameServerRuleMode.AsDocumented)
        {
            return enabled;
        }

        var kept = new List<SpamAssassinRule>(enabled.Count);
        foreach (var rule in enabled)
        {
            if (rule.Lookup == SpamAssassinLookup.Links && rule.UriKind == SpamAssassinUriKind.Addresses && !HasFlag(rule.Name, "a") && !IsRefusalRule(rule))
            {
                problems.Add(rule.DefinedAt.Problem(
                    $"{rule.Name} is not imported: SpamAssassin 4.0 never asks a list for a uridnssub rule without tflags a (URIDNSBL.pm " +
                    "complete_ns_lookup hands the link domain's name-server addresses to the 'a' rules only), so it cannot hit; " +
                    "import with NameServerRuleMode.AsDocumented (dnsbl import --ns-rules AsDocumented) to ask it the name-server addresses as documented"));
                continue;
            }

            kept.Add(rule);
        }

        return kept;
    }

    private static string Describe(UriLookupVia via, DomainQueryForm form) => via switch
    {
        UriLookupVia.HostAddresses => "link host addresses",
        UriLookupVia.NameServerAddresses => "name-server addresses",
        UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses => "host and name-server addresses",
        UriLookupVia.NameServerNames => form == DomainQueryForm.FullHostName ? "name-server hosts" : "name-server domains",
        _ => via.ToString(),
    };
}
