using System.Globalization;
using System.Net;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// rbldnsd's <c>ip4set</c>: queried as reversed octets (<c>2.0.0.127.zone</c>). Entries listed several times at the
/// same level all answer (several A codes); an exclusion at the most specific matching level unlists the address.
/// </summary>
internal sealed class Ip4SetDataset : IZoneDataset
{
    private readonly List<Ip4SetEntry> _entries = [];

    private Ip4SetDataset()
    {
    }

    public DatasetSettings Settings { get; } = new();

    public static Ip4SetDataset Parse(string data)
    {
        var dataset = new Ip4SetDataset();
        DatasetReader.Read(data, dataset.Settings, usesListingValues: true, dataset.AddEntry);
        return dataset;
    }

    public IReadOnlyList<ZoneRecord>? Find(string relativeName, string fullName)
    {
        if (!TryParseReversed(relativeName, out var address))
        {
            return null;
        }

        var level = -1;
        var matches = new List<Ip4SetEntry>();
        foreach (var entry in _entries)
        {
            if (!entry.Contains(address) || entry.Level < level)
            {
                continue;
            }

            if (entry.Level > level)
            {
                level = entry.Level;
                matches.Clear();
            }

            matches.Add(entry);
        }

        if (matches.Count == 0 || matches.Exists(m => m.IsExclusion))
        {
            return null;
        }

        var key = new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();
        return ListingRecords.Create(fullName, matches.Select(m => m.Value!), key, Settings.TimeToLive);
    }

    private void AddEntry(DatasetLine line)
    {
        var (first, last) = Ip4RangeParser.Parse(line);
        var value = line.IsExclusion ? null : ListingValueParser.Parse(line.Value, line.DefaultValue, Settings, line.Number, line.Text);

        // Split the range into CIDR blocks so each block gets rbldnsd's octet-aligned level.
        ulong start = first;
        while (start <= last)
        {
            var size = start == 0 ? 1UL << 32 : start & (~start + 1);
            while (start + size - 1 > last)
            {
                size >>= 1;
            }

            var prefix = 32 - System.Numerics.BitOperations.Log2(size);
            var level = (prefix + 7) / 8 * 8;
            _entries.Add(new Ip4SetEntry((uint)start, (uint)(start + size - 1), level, value));
            start += size;
        }
    }

    private static bool TryParseReversed(string relativeName, out uint address)
    {
        address = 0;
        var labels = relativeName.Split('.');
        if (labels.Length == 32)
        {
            return TryParseMappedNibbles(labels, out address);
        }

        if (labels.Length != 4)
        {
            return false;
        }

        for (var i = 3; i >= 0; i--)
        {
            if (labels[i].Length is 0 or > 3
                || !byte.TryParse(labels[i], NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                return false;
            }

            address = (address << 8) | octet;
        }

        return true;
    }

    /// <summary>
    /// rbldnsd answers an IPv4-mapped IPv6 query (<c>::ffff:a.b.c.d</c> as 32 nibbles) from its IPv4 datasets too;
    /// the first 8 nibbles are the address, the next 4 must be <c>f</c> and the remaining 20 zero.
    /// </summary>
    private static bool TryParseMappedNibbles(string[] labels, out uint address)
    {
        address = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i].Length != 1 || !char.IsAsciiHexDigit(labels[i][0]))
            {
                return false;
            }

            var expected = i switch { < 8 => (char?)null, < 12 => 'f', _ => '0' };
            if (expected is { } required && char.ToLowerInvariant(labels[i][0]) != required)
            {
                return false;
            }
        }

        for (var i = 7; i >= 0; i--)
        {
            address = (address << 4) | (uint)Convert.ToInt32(labels[i], 16);
        }

        return true;
    }
}
