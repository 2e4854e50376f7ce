using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>A SpamAssassin check_rbl set (or a URI zone) as read: becomes one list when a scored rule uses it.</summary>
internal sealed class SpamAssassinSet(string key, string zone, DnsListKind kind, SourceLine definedAt)
{
    public string Key { get; } = key;
    public string Zone { get; } = zone;
    public DnsListKind Kind { get; } = kind;
    public SourceLine DefinedAt { get; } = definedAt;
    public RelaySelection Relays { get; init; } = RelaySelection.AllUntrusted;
    public DomainSources DomainSources { get; init; } = DomainSources.All;
    public DomainQueryForm DomainForm { get; init; } = DomainQueryForm.RegisteredDomain;
    public bool FetchText { get; set; }
    public bool QueriesIpAddresses { get; set; } = true;
}
