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
internal sealed record MessageLookup(DnsList List, string Key, MessageKeySource Source, string Origin, IPAddress? Address = null)
{
    /// <summary>Whether the key is an IP address the caller must reverse before appending the zone.</summary>
    public bool IsAddress => Address is not null;
}
