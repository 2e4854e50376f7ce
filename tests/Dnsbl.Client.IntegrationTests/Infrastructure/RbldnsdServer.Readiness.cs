using Dnsbl.Client.Dns.Protocol;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Testing.Server;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

public sealed partial class RbldnsdServer
{
    private const int ReadinessProbes = 100;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(100);

    private async Task<bool> WaitUntilAnsweringAsync(string zone, CancellationToken cancellationToken)
    {
        for (var probe = 0; probe < ReadinessProbes && !_process.HasExited; probe++)
        {
            var answer = await LoopbackQuery.ExchangeUdpAsync(EndPoint, new DnsQuestion(zone, DnsRecordType.SOA), (ushort)probe, ProbeTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (answer is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
