using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Policy;

/// <summary>One listening socket, TCP or Unix. A Unix socket gets its mode after binding and its file is removed on close.</summary>
internal sealed class PolicyListener : IDisposable
{
    private const int Backlog = 512;
    private readonly Socket _socket;
    private readonly string? _unixPath;

    private PolicyListener(Socket socket, string? unixPath)
    {
        _socket = socket;
        _unixPath = unixPath;
        LocalEndPoint = socket.LocalEndPoint!;
    }

    public EndPoint LocalEndPoint { get; }

    public static PolicyListener Bind(EndPoint endPoint, UnixFileMode unixMode)
    {
        if (endPoint is UnixDomainSocketEndPoint unix)
        {
            var path = unix.ToString();
            RemoveStaleSocket(path);
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Bind(unix);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, unixMode);
                }

                socket.Listen(Backlog);
                return new PolicyListener(socket, path);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        var tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            tcp.Bind(endPoint);
            tcp.Listen(Backlog);
            return new PolicyListener(tcp, null);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async ValueTask<Socket> AcceptAsync(CancellationToken cancellationToken)
    {
        var socket = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
        if (socket.AddressFamily != AddressFamily.Unix)
        {
            socket.NoDelay = true; // one small answer per request: never wait for Nagle
        }

        return socket;
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_unixPath is not null)
        {
            try
            {
                File.Delete(_unixPath);
            }
            catch (IOException)
            {
                // Another process replaced it; leave it.
            }
        }
    }

    // A socket file left by a server that died: nobody answers on it, so it is replaced. A live one is never taken over.
    private static void RemoveStaleSocket(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != 0)
        {
            return;
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException refused) when (refused.SocketErrorCode == SocketError.ConnectionRefused)
        {
            File.Delete(path);
            return;
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }
}
