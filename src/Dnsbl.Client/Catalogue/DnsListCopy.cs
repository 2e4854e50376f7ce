using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Catalogue;

/// <summary>
/// Copies a <see cref="DnsList"/> with some settings replaced. DnsList is immutable with init-only settings, so a change
/// means a new instance; a reflection test guards that every settable property is copied here.
/// </summary>
internal static class DnsListCopy
{
    public static DnsList With(
        DnsList source,
        string? zone = null,
        DnsListKind? kind = null,
        IReadOnlyList<ReturnCodeRule>? rules = null,
        string? name = null,
        bool? fetchText = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new DnsList(zone ?? source.Zone, kind ?? source.Kind)
        {
            // A zone change (a DQS key) must not carry the old zone over as the display name.
            Name = name ?? (zone is null ? source.Name : zone),
            Rules = rules ?? source.Rules,
            ErrorCodes = source.ErrorCodes,
            FetchText = fetchText ?? source.FetchText,
            Timeout = timeout ?? source.Timeout,
            ProbePoints = source.ProbePoints,
            DomainForm = source.DomainForm,
            QueriesIpAddresses = source.QueriesIpAddresses,
            DomainSources = source.DomainSources,
            Relays = source.Relays,
            KeyHash = source.KeyHash,
            KeyHashEncoding = source.KeyHashEncoding,
            KeyHashLength = source.KeyHashLength,
        };
    }
}
