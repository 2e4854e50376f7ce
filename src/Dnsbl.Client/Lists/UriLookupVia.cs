namespace Dnsbl.Client.Lists;

/// <summary>
/// For URI lists: what a link is turned into before the list is asked. Flags: a list may ask several forms (each key
/// once). SpamAssassin's URIDNSBL rule kinds map as follows: <c>urirhssub</c>/<c>urirhsbl</c> = <see cref="LinkName"/>;
/// <c>uridnssub</c>/<c>uridnsbl</c> with <c>tflags a</c> = <see cref="HostAddresses"/>, with <c>tflags ns</c> (the
/// default) = <see cref="NameServerAddresses"/>; <c>urinsrhssub</c> = <see cref="NameServerNames"/> in
/// <see cref="DomainQueryForm.RegisteredDomain"/>; <c>urifullnsrhssub</c> = <see cref="NameServerNames"/> in
/// <see cref="DomainQueryForm.FullHostName"/>.
/// </summary>
/// <remarks>
/// Every form other than <see cref="LinkName"/> needs DNS lookups before the list is asked (the link domain's NS
/// records, the A records of its name servers or of the link host). They go through the client's resolver, under the
/// check's deadline, in parallel, shared by all lists of the check and cached by their TTL. A name that could not be
/// resolved is reported in <c>DnsblMessageResult.SkippedKeys</c> with its reason, never dropped silently. Only IPv4
/// (A) addresses are asked, as SpamAssassin asks them.
/// </remarks>
[Flags]
public enum UriLookupVia
{
    /// <summary>Nothing: not a valid setting (validation rejects it).</summary>
    None = 0,

    /// <summary>The link's host name in the list's <see cref="DnsList.DomainForm"/> (and IPv4-literal links, with <see cref="DnsList.QueriesIpAddresses"/>).</summary>
    LinkName = 1,

    /// <summary>The IPv4 addresses (A records) of the link's host, reversed (SpamAssassin's <c>tflags a</c>).</summary>
    HostAddresses = 2,

    /// <summary>The IPv4 addresses of the name servers (NS records) of the link's registered domain, reversed (SpamAssassin's <c>tflags ns</c>).</summary>
    NameServerAddresses = 4,

    /// <summary>The names of the name servers of the link's registered domain, in the list's <see cref="DnsList.DomainForm"/> (<c>urinsrhssub</c>, <c>urifullnsrhssub</c>).</summary>
    NameServerNames = 8,
}
