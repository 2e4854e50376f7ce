using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// rbldnsd's <c>ip6trie</c>: IPv6 prefixes queried as 32 reversed nibbles; the longest matching prefix answers and
/// an exclusion there unlists the address. Without <c>/len</c>, an entry without <c>::</c> is a prefix of the words
/// given (<c>2001:db8:1:2</c> is a /64), and a full or <c>::</c> address is a /128.
/// </summary>
internal sealed class Ip6TrieDataset : IZoneDataset
{
    private readonly List<(UInt128 Prefix, int Length, ListingValue? Value)> _entries = [];

    private Ip6TrieDataset()
    {
    }

    public DatasetSettings Settings { get; } = new();

    public static Ip6TrieDataset Parse(string data)
    {
        var dataset = new Ip6TrieDataset();
        DatasetReader.Read(data, dataset.Settings, usesListingValues: true, dataset.AddEntry, entriesMayStartWithColons: true);
        return dataset;
    }

    public IReadOnlyList<ZoneRecord>? Find(string relativeName, string fullName)
    {
        if (!TryParseNibbles(relativeName, out var address))
        {
            return null;
        }

        var longest = -1;
        var values = new List<ListingValue?>();
        foreach (var (prefix, length, value) in _entries)
        {
            if (length < longest || (address & Mask(length)) != prefix)
            {
                continue;
            }

            if (length > longest)
            {
                longest = length;
                values.Clear();
            }

            values.Add(value);
        }

        if (values.Count == 0 || values.Contains(null))
        {
            return null;
        }

        var key = Format(address);
        return ListingRecords.Create(fullName, values.Select(v => v!), key, Settings.TimeToLive);
    }

    private void AddEntry(DatasetLine line)
    {
        var entry = line.Entry;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        int length;
        if (slash >= 0)
        {
            length = int.TryParse(entry[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 128
                ? parsed
                : throw line.Error("the IPv6 prefix length must be 0..128");
        }
        else if (!addressText.Contains("::", StringComparison.Ordinal) && !addressText.Contains('.', StringComparison.Ordinal))
        {
            length = 16 * addressText.Split(':').Length;
        }
        else
        {
            length = 128;
        }

        if (length < 128 && !addressText.Contains("::", StringComparison.Ordinal) && addressText.Split(':').Length < 8)
        {
            addressText += "::";
        }

        if (!IPAddress.TryParse(addressText, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw line.Error($"'{entry}' is not an IPv6 address or prefix");
        }

        var value = line.IsExclusion ? null : ListingValueParser.Parse(line.Value, line.DefaultValue, Settings, line.Number, line.Text);
        _entries.Add((ToNumber(address) & Mask(length), length, value));
    }

    /// <summary>Formats the key like rbldnsd: compressed hex words, also for IPv4-mapped addresses (<c>::ffff:7f00:2</c>).</summary>
    private static string Format(UInt128 address)
    {
        var ip = ToAddress(address);
        if (!ip.IsIPv4MappedToIPv6)
        {
            return ip.ToString();
        }

        var low = (uint)address;
        return string.Create(CultureInfo.InvariantCulture, $"::ffff:{low >> 16:x}:{low & 0xFFFF:x}");
    }

    /// <summary>True for an IPv4-mapped query name, which rbldnsd answers from the zone's IPv4 datasets when it has any.</summary>
    public static bool IsMappedIpv4Name(string relativeName) =>
        TryParseNibbles(relativeName, out var address) && (address >> 32) == 0xFFFF;

    private static UInt128 Mask(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);

    private static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static IPAddress ToAddress(UInt128 number)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, number);
        return new IPAddress(bytes);
    }

    private static bool TryParseNibbles(string relativeName, out UInt128 address)
    {
        address = UInt128.Zero;
        var labels = relativeName.Split('.');
        if (labels.Length != 32)
        {
            return false;
        }

        for (var i = 31; i >= 0; i--)
        {
            if (labels[i].Length != 1 || !char.IsAsciiHexDigit(labels[i][0]))
            {
                return false;
            }

            address = (address << 4) | (uint)Convert.ToInt32(labels[i], 16);
        }

        return true;
    }
}
