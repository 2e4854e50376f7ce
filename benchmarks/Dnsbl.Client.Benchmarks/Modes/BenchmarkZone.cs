using System.Globalization;
using System.Net;
using System.Text;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// The throughput data set: an ip4set zone listing every even address from 10.0.0.0 up (<c>entries</c> of them),
/// and queries for twice as many consecutive addresses, so half are listed and half are NXDOMAIN.
/// </summary>
internal static class BenchmarkZone
{
    public const string Zone = "bl.bench.test";
    private const uint First = 10u << 24;

    public static IPAddress QueriedAddress(int index) => new(BitConverter.IsLittleEndian
        ? (long)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(First + (uint)index)
        : First + (uint)index);

    public static string QueryName(int index)
    {
        var value = First + (uint)index;
        return string.Create(CultureInfo.InvariantCulture, $"{value & 0xFF}.{(value >> 8) & 0xFF}.{(value >> 16) & 0xFF}.{value >> 24}.{Zone}");
    }

    public static string ZoneData(int entries)
    {
        var data = new StringBuilder(entries * 14);
        data.Append(CultureInfo.InvariantCulture, $":127.0.0.2:listed in benchmark zone\n");
        for (var i = 0; i < entries; i++)
        {
            var value = First + (uint)(2 * i);
            data.Append(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}\n");
        }

        return data.ToString();
    }

    /// <summary>Writes <c>bench.zone</c> (rbldnsd data) and <c>queries.txt</c> (dnsperf input: "name A" lines).</summary>
    public static void Write(string directory, int entries)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "bench.zone"), ZoneData(entries));
        using var queries = new StreamWriter(Path.Combine(directory, "queries.txt"));
        for (var i = 0; i < 2 * entries; i++)
        {
            queries.Write(QueryName(i));
            queries.Write(" A\n");
        }
    }
}
