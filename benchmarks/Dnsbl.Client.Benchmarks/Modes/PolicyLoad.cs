using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// Postfix's side of the policy protocol, as load: each connection sends one request and waits for its answer before
/// the next (as smtpd does), for a fixed time or a fixed number of requests, and records each request's latency.
/// </summary>
internal static class PolicyLoad
{
    public static string Request(string clientAddress, string instance) =>
        $"request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\nclient_address={clientAddress}\nclient_name=unknown\n" +
        $"reverse_client_name=unknown\nhelo_name=mx.sender-example.net\nsender=someone@sender-example.org\nrecipient=user@example.com\n" +
        $"recipient_count=0\nqueue_id=\ninstance={instance}\nsize=0\nstress=\nsasl_method=\nsasl_username=\nccert_subject=\npolicy_context=\n\n";

    /// <summary>Runs <paramref name="connections"/> lock-step connections; request i of connection c is <paramref name="requestOf"/>(c, i).</summary>
    public static async Task<(long Requests, TimeSpan Elapsed, List<double> LatenciesMs)> RunAsync(
        EndPoint server, int connections, Func<int, long, byte[]> requestOf, TimeSpan? duration, long? requestsPerConnection, bool recordLatency)
    {
        var sockets = new Socket[connections];
        for (var c = 0; c < connections; c++)
        {
            sockets[c] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await sockets[c].ConnectAsync(server);
        }

        var latencies = new List<double>[connections];
        var counts = new long[connections];
        var clock = Stopwatch.StartNew();
        var end = duration is { } d ? clock.Elapsed + d : TimeSpan.MaxValue;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var socket = sockets[c];
            var buffer = new byte[4096];
            var mine = latencies[c] = [];
            for (long i = 0; (requestsPerConnection is null || i < requestsPerConnection) && clock.Elapsed < end; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await socket.SendAsync(requestOf(c, i), SocketFlags.None);
                var length = 0;
                while (length < 2 || buffer[length - 1] != '\n' || buffer[length - 2] != '\n')
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None);
                    if (read == 0)
                    {
                        throw new InvalidOperationException("the policy server closed the connection");
                    }

                    length += read;
                }

                if (recordLatency)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                counts[c]++;
            }
        })));
        var elapsed = clock.Elapsed;
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return (counts.Sum(), elapsed, [.. latencies.SelectMany(l => l)]);
    }

    public static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
