using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>One lookup a message check makes: a key asked of one list, and where the key came from.</summary>
/// <param name="List">The list to ask.</param>
/// <param name="Key">
/// The label(s) to put before the list's zone: a normalised (and, per the list, hashed) domain; or, when
/// <paramref name="Address"/> is set, the address text — the caller reverses the address (octets or nibbles) itself.
/// </param>
/// <param name="Source">Where in the message the key came from.</param>
/// <param name="Origin">The raw link, header or session value the key was taken from.</param>
/// <param name="Address">The IP address to reverse for IP lists and IP-literal links; null for domain keys.</param>
/// <param name="Resolve">
/// <see cref="UriLookupVia.None"/> for a key asked as it is. Otherwise a link name to resolve first (the engine
/// replaces this lookup with one per address or name found): <see cref="UriLookupVia.HostAddresses"/> (the key is the
/// link host), <see cref="UriLookupVia.NameServerAddresses"/> or <see cref="UriLookupVia.NameServerNames"/> (the key
/// is the link's registered domain).
/// </param>
internal sealed record MessageLookup(DnsList List, string Key, MessageKeySource Source, string Origin, IPAddress? Address = null, UriLookupVia Resolve = UriLookupVia.None)
{
    /// <summary>Whether the key is an IP address the caller must reverse before appending the zone.</summary>
    public bool IsAddress => Address is not null;

    /// <summary>Set when the lookup cannot be made because the name it came from could not be resolved: why (the list's key is then reported as skipped).</summary>
    public string? Unresolved { get; init; }
}
