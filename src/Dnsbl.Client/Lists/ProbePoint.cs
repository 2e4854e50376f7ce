namespace Dnsbl.Client.Lists;

/// <summary>
/// One health probe of a list: a key (an IP address or a domain, as the list's kind asks) and whether the list must list it.
/// </summary>
/// <param name="Key">The address (e.g. <c>127.0.0.2</c>) or domain (e.g. <c>test</c>) to ask about.</param>
/// <param name="ExpectListed">True when a healthy list lists the key (RFC 5782 §5 test point), false when it must not.</param>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed record ProbePoint(string Key, bool ExpectListed);
