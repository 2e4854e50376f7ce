using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Policy;

/// <summary>
/// A minimal HTTP/1.1 endpoint for monitoring: <c>GET /status</c> (or <c>/</c>) answers the service's counters and
/// the lists' health report as JSON, anything else 404; one request per connection, read with a size and time cap.
/// </summary>
internal sealed class PolicyStatusEndpoint : IDisposable
{
    private const int MaxRequestBytes = 8192;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private readonly Socket _socket;
    private readonly Action<Utf8JsonWriter> _writeStatus;
    private readonly ILogger _logger;

    private PolicyStatusEndpoint(Socket socket, Action<Utf8JsonWriter> writeStatus, ILogger logger)
    {
        _socket = socket;
        _writeStatus = writeStatus;
        _logger = logger;
        LocalEndPoint = socket.LocalEndPoint!;
    }

    public EndPoint LocalEndPoint { get; }

    public static PolicyStatusEndpoint Bind(IPEndPoint endPoint, Action<Utf8JsonWriter> writeStatus, ILogger logger)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(16);
            return new PolicyStatusEndpoint(socket, writeStatus, logger);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task ServeAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            // One at a time: monitoring is rare, and a slow reader cannot hold more than one socket.
            using (client)
            {
                try
                {
                    await AnswerAsync(client, stopping).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is SocketException or OperationCanceledException or IOException)
                {
                    PolicyLog.StatusFailed(_logger, failure);
                }
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task AnswerAsync(Socket client, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(RequestTimeout);
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length && buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) < 0)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var requestLine = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, length).IndexOf("\r\n"u8) is var end and >= 0 ? end : length);
        var parts = requestLine.Split(' ');
        var found = parts.Length >= 2 && parts[0] == "GET" && parts[1] is "/" or "/status";
        byte[] body;
        if (found)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                _writeStatus(writer);
            }

            body = stream.ToArray();
        }
        else
        {
            body = "{\"error\":\"not found; GET /status\"}"u8.ToArray();
        }

        var head = $"HTTP/1.1 {(found ? "200 OK" : "404 Not Found")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, timeout.Token).ConfigureAwait(false);
        await client.SendAsync(body, SocketFlags.None, timeout.Token).ConfigureAwait(false);
        client.Shutdown(SocketShutdown.Send);
    }
}
