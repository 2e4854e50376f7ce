using System.Globalization;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// The kernel's per-socket count of UDP datagrams dropped because the socket's receive buffer was full
/// (<c>/proc/net/udp</c>, last column), to tell where a datagram lost on loopback was lost.
/// </summary>
internal static class UdpSocketDrops
{
    /// <summary>Drops by socket inode, with the socket's local port, for every IPv4 UDP socket of the machine.</summary>
    public static Dictionary<long, (int Port, long Drops)> ReadAll()
    {
        var sockets = new Dictionary<long, (int, long)>();
        foreach (var line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 13)
            {
                continue;
            }

            var port = int.Parse(fields[1].AsSpan(fields[1].IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            sockets[long.Parse(fields[9], CultureInfo.InvariantCulture)] = (port, long.Parse(fields[12], CultureInfo.InvariantCulture));
        }

        return sockets;
    }

    /// <summary>The drops of every socket bound to one of <paramref name="ports"/>.</summary>
    public static long AtPorts(params int[] ports) => ReadAll().Values.Where(s => ports.Contains(s.Port)).Sum(s => s.Drops);

    /// <summary>The machine's count of such drops (Udp RcvbufErrors of <c>/proc/net/snmp</c>), every socket included.</summary>
    public static long MachineWide()
    {
        var udp = File.ReadLines("/proc/net/snmp").Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).ToArray();
        var column = Array.IndexOf(udp[0].Split(' '), "RcvbufErrors");
        return long.Parse(udp[1].Split(' ')[column], CultureInfo.InvariantCulture);
    }

    /// <summary>Inodes of this process's sockets.</summary>
    public static HashSet<long> OwnSocketInodes() =>
        new DirectoryInfo("/proc/self/fd").GetFiles()
            .Select(f => f.LinkTarget)
            .Where(t => t is not null && t.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(t => long.Parse(t!.AsSpan(8, t!.Length - 9), CultureInfo.InvariantCulture))
            .ToHashSet();
}
