using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Lists;

/// <summary>
/// Builds the name asked of a list: reversed IPv4 octets (RFC 5782 §2.1), reversed IPv6 nibbles (§2.4) or a domain
/// (§2.2), followed by the zone. The <c>TryWrite*</c> methods write into a caller's span and allocate nothing; a
/// destination of <see cref="DomainName.MaxLength"/> characters is always large enough.
/// </summary>
/// <remarks>
/// An IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>) is asked as the IPv4 address it carries, because that is
/// the client's real address (a dual-stack socket reports IPv4 peers that way) and IPv4 lists hold it in that form.
/// Zones are expected to be normalised (<see cref="DnsList.Zone"/> always is); domains are validated here, so a
/// domain can never alter the label structure of the name (no escapes, spaces or extra dots can sneak in).
/// </remarks>
internal static partial class QueryNameBuilder
{
    /// <summary>The length of "255.255.255.255." — the longest IPv4 prefix.</summary>
    public const int MaxIPv4PrefixLength = 16;

    /// <summary>32 nibbles, each followed by a dot.</summary>
    public const int IPv6PrefixLength = 64;

    private const string HexDigits = "0123456789abcdef";

    /// <summary>Writes <c>d.c.b.a.zone</c> for the big-endian IPv4 value <paramref name="address"/>.</summary>
    /// <returns>False when the name would exceed 253 characters or the destination is too small.</returns>
    public static bool TryWriteIPv4(uint address, string zone, Span<char> destination, out int written)
    {
        written = 0;
        for (var shift = 0; shift < 32; shift += 8)
        {
            if (!((address >> shift) & 0xFF).TryFormat(destination[written..], out var digits, default, CultureInfo.InvariantCulture) || written + digits >= destination.Length)
            {
                written = 0;
                return false;
            }

            written += digits;
            destination[written++] = '.';
        }

        return TryAppendZone(zone, destination, ref written);
    }

    /// <summary>Writes the 32 reversed nibbles of a 16-byte IPv6 address, then the zone (RFC 5782 §2.4).</summary>
    /// <returns>False when the name would exceed 253 characters or the destination is too small.</returns>
    public static bool TryWriteIPv6(ReadOnlySpan<byte> address, string zone, Span<char> destination, out int written)
    {
        written = 0;
        if (address.Length != 16)
        {
            throw new ArgumentException("An IPv6 address is 16 bytes.", nameof(address));
        }

        if (destination.Length < IPv6PrefixLength)
        {
            return false;
        }

        for (var index = 15; index >= 0; index--)
        {
            destination[written++] = HexDigits[address[index] & 0xF];
            destination[written++] = '.';
            destination[written++] = HexDigits[address[index] >> 4];
            destination[written++] = '.';
        }

        return TryAppendZone(zone, destination, ref written);
    }

    /// <summary>Writes the query name of an IPv4 or IPv6 address; IPv4-mapped IPv6 is written as IPv4.</summary>
    /// <returns>False when the name would exceed 253 characters or the destination is too small.</returns>
    public static bool TryWriteAddress(IPAddress address, string zone, Span<char> destination, out int written)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IPv4Value.TryGetIncludingMapped(address, out var ipv4))
        {
            return TryWriteIPv4(ipv4, zone, destination, out written);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"Only IPv4 and IPv6 addresses can be looked up; {address.AddressFamily} cannot.", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return TryWriteIPv6(bytes, zone, destination, out written);
    }

    /// <summary>Writes <c>domain.zone</c> for an already normalised domain (see <see cref="DomainName.IsNormalized"/>).</summary>
    /// <returns>False when the domain is not normalised, the name would exceed 253 characters or the destination is too small.</returns>
    public static bool TryWriteDomain(ReadOnlySpan<char> domain, string zone, Span<char> destination, out int written)
    {
        written = 0;
        if (!DomainName.IsNormalized(domain) || !domain.TryCopyTo(destination) || domain.Length >= destination.Length)
        {
            return false;
        }

        written = domain.Length;
        destination[written++] = '.';
        return TryAppendZone(zone, destination, ref written);
    }

    private static bool TryAppendZone(string zone, Span<char> destination, ref int written)
    {
        var total = written + zone.Length;
        if (zone.Length == 0 || total > DomainName.MaxLength || !zone.AsSpan().TryCopyTo(destination[written..]))
        {
            written = 0;
            return false;
        }

        written = total;
        return true;
    }
}
