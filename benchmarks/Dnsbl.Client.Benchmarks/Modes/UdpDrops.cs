using System.Globalization;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// Datagrams the kernel dropped because a UDP socket's receive buffer was full (Linux: /proc/net/udp's "drops" column
/// and /proc/net/snmp's RcvbufErrors), so a flood's lost answers can be told apart: dropped at the server, or here.
/// </summary>
internal readonly record struct UdpDrops(long AtServer, long Everywhere)
{
    /// <summary>Now, for the sockets bound to <paramref name="serverPort"/> and for the whole machine; zeros where /proc is missing.</summary>
    public static UdpDrops Read(int serverPort) => new(AtPort(serverPort), AllReceiveBufferErrors());

    public static UdpDrops operator -(UdpDrops after, UdpDrops before) =>
        new(after.AtServer - before.AtServer, after.Everywhere - before.Everywhere);

    /// <summary>Drops at receive buffers other than the server's: this process's sockets, when nothing else runs.</summary>
    public long Elsewhere => Everywhere - AtServer;

    private static long AtPort(int port)
    {
        const string Table = "/proc/net/udp";
        if (!File.Exists(Table))
        {
            return 0;
        }

        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        long drops = 0;
        foreach (var line in File.ReadLines(Table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 12 && fields[1].EndsWith(suffix, StringComparison.Ordinal))
            {
                drops += long.Parse(fields[^1], CultureInfo.InvariantCulture);
            }
        }

        return drops;
    }

    private static long AllReceiveBufferErrors()
    {
        const string Counters = "/proc/net/snmp";
        if (!File.Exists(Counters))
        {
            return 0;
        }

        var udp = File.ReadLines(Counters).Where(l => l.StartsWith("Udp:", StringComparison.Ordinal)).ToArray();
        if (udp.Length < 2)
        {
            return 0;
        }

        var column = Array.IndexOf(udp[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), "RcvbufErrors");
        return column < 0 ? 0 : long.Parse(udp[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[column], CultureInfo.InvariantCulture);
    }
}
