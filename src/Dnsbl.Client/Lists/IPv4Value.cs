using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Lists;

/// <summary>IPv4 addresses as big-endian 32-bit values, without allocating.</summary>
internal static class IPv4Value
{
    /// <summary>127.0.0.0/8: where every list answer must lie (RFC 5782 §2.3).</summary>
    public const uint LoopbackNetwork = 0x7F000000;

    public const uint LoopbackMask = 0xFF000000;

    /// <summary>Reads an IPv4 address (not IPv4-mapped IPv6: a return code is an A record).</summary>
    public static bool TryGet(IPAddress address, out uint value)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            value = 0;
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return true;
    }

    /// <summary>Reads an IPv4 address or an IPv4-mapped IPv6 address (<c>::ffff:a.b.c.d</c>).</summary>
    public static bool TryGetIncludingMapped(IPAddress address, out uint value)
    {
        if (TryGet(address, out value))
        {
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        if (!IsMappedPrefix(bytes))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);
        return true;
    }

    public static bool IsMappedPrefix(ReadOnlySpan<byte> ipv6) =>
        ipv6[..10].IndexOfAnyExcept((byte)0) < 0 && ipv6[10] == 0xFF && ipv6[11] == 0xFF;

    public static bool IsLoopback(uint value) => (value & LoopbackMask) == LoopbackNetwork;

    public static string Format(uint value) => string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
}
