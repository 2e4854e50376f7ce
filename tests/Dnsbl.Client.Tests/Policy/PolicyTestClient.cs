using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.Tests.Policy;

/// <summary>A raw policy protocol peer: sends bytes, reads answers up to their empty line, sees the server close.</summary>
internal sealed class PolicyTestClient : IDisposable
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(30);
    private readonly Socket _socket;
    private readonly StringBuilder _pending = new();

    private PolicyTestClient(Socket socket) => _socket = socket;

    public static async Task<PolicyTestClient> ConnectAsync(EndPoint endPoint)
    {
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        return new PolicyTestClient(socket);
    }

    public async Task SendAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    /// <summary>Sends a request and returns the action (without <c>action=</c>).</summary>
    public async Task<string?> AskAsync(string request)
    {
        try
        {
            await SendAsync(request);
        }
        catch (SocketException closed) when (closed.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted)
        {
            return null; // the server closed first (e.g. over its connection limit)
        }

        return await ReadActionAsync();
    }

    /// <summary>The next answer's action, or null when the server closed (or reset) the connection first.</summary>
    public async Task<string?> ReadActionAsync()
    {
        using var limit = new CancellationTokenSource(ReadLimit);
        var buffer = new byte[4096];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 2);
                var answer = text[..end];
                Assert.StartsWith("action=", answer);
                Assert.DoesNotContain('\n', answer);
                return answer["action=".Length..];
            }

            int read;
            try
            {
                read = await _socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token);
            }
            catch (SocketException reset) when (reset.SocketErrorCode == SocketError.ConnectionReset)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            _pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
    }

    public void Dispose() => _socket.Dispose();
}
