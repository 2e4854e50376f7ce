using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Lookups;

/// <summary>What is asked about, in the form query names are built from: an IPv4 value, IPv6 bytes or a normalised domain label sequence.</summary>
internal readonly struct QueryKey
{
    private readonly UInt128 _ipv6;
    private readonly uint _ipv4;

    private QueryKey(AddressFamily family, uint ipv4, UInt128 ipv6, string? domain, string display)
    {
        Family = family;
        _ipv4 = ipv4;
        _ipv6 = ipv6;
        Domain = domain;
        Display = display;
    }

    public AddressFamily Family { get; }

    /// <summary>The normalised domain (or hashed label) for domain keys.</summary>
    public string? Domain { get; }

    /// <summary>The input as results show it.</summary>
    public string Display { get; }

    public bool IsAddress => Domain is null;

    /// <summary>IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry; scope ids are dropped.</summary>
    public static QueryKey FromAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return new QueryKey(AddressFamily.InterNetwork, BinaryPrimitives.ReadUInt32BigEndian(bytes), default, null, address.ToString());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"Address family {address.AddressFamily} cannot be checked against a DNS list.", nameof(address));
        }

        address.TryWriteBytes(bytes, out _);
        var display = address.ScopeId == 0 ? address.ToString() : new IPAddress(bytes).ToString();
        return new QueryKey(AddressFamily.InterNetworkV6, 0, BinaryPrimitives.ReadUInt128BigEndian(bytes), null, display);
    }

    /// <summary>A domain already normalised (and hashed when the list asks for it).</summary>
    public static QueryKey FromDomain(string normalizedDomain, string display) =>
        new(AddressFamily.Unspecified, 0, default, normalizedDomain, display);

    /// <summary>Longest <see cref="WriteCacheKey"/> result: 32 reversed IPv6 nibbles and their 31 dots.</summary>
    public const int MaxAddressCacheKeyLength = 63;

    /// <summary>
    /// The query name without its zone (the reversed address, or the domain): the same for every list of a check, so it
    /// is written once per check and is the key of each list's cache slot (the slot fixes the zone).
    /// </summary>
    /// <param name="scratch">At least <see cref="MaxAddressCacheKeyLength"/> characters; unused for domain keys.</param>
    public ReadOnlySpan<char> WriteCacheKey(Span<char> scratch)
    {
        if (Domain is not null)
        {
            return Domain;
        }

        var written = 0;
        if (Family == AddressFamily.InterNetwork)
        {
            // RFC 5782 §2.1: the octets in reverse order, in decimal; written by hand (no culture, no formatting calls).
            for (var shift = 0; shift < 32; shift += 8)
            {
                if (shift > 0)
                {
                    scratch[written++] = '.';
                }

                var octet = (_ipv4 >> shift) & 0xFF;
                if (octet >= 100)
                {
                    scratch[written++] = (char)('0' + (octet / 100));
                }

                if (octet >= 10)
                {
                    scratch[written++] = (char)('0' + (octet / 10 % 10));
                }

                scratch[written++] = (char)('0' + (octet % 10));
            }

            return scratch[..written];
        }

        // RFC 5782 §2.4: 32 nibbles, least significant first.
        for (var nibble = 0; nibble < 32; nibble++)
        {
            if (nibble > 0)
            {
                scratch[written++] = '.';
            }

            scratch[written++] = "0123456789abcdef"[(int)((_ipv6 >> (nibble * 4)) & 0xF)];
        }

        return scratch[..written];
    }

    /// <summary>Writes the query name for <paramref name="zone"/>; false when it does not fit a DNS name.</summary>
    public bool TryFormat(string zone, Span<char> destination, out int written)
    {
        if (Domain is not null)
        {
            return QueryNameBuilder.TryWriteDomain(Domain, zone, destination, out written);
        }

        if (Family == AddressFamily.InterNetwork)
        {
            return QueryNameBuilder.TryWriteIPv4(_ipv4, zone, destination, out written);
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _ipv6);
        return QueryNameBuilder.TryWriteIPv6(bytes, zone, destination, out written);
    }
}
