using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>A minimal SMTP client for tests: one command, one (possibly multi-line) reply; the last line is returned.</summary>
public sealed class SmtpSession : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly Stream _stream;

    private SmtpSession(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    /// <summary>Connects and reads the greeting.</summary>
    public static async Task<SmtpSession> ConnectAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        var session = new SmtpSession(tcp);
        var greeting = await session.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        return greeting.StartsWith("220", StringComparison.Ordinal) ? session : throw new InvalidOperationException("no greeting: " + greeting);
    }

    /// <summary>Sends <paramref name="command"/> and returns the last line of the reply.</summary>
    public async Task<string> SendAsync(string command, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Presents <paramref name="clientAddress"/> and <paramref name="helo"/> through XCLIENT, then MAIL FROM.</summary>
    public async Task<string> BeginAsync(string clientAddress, string helo, string sender, CancellationToken cancellationToken)
    {
        await Expect("250", "EHLO tester.localdomain").ConfigureAwait(false);
        await Expect("220", $"XCLIENT ADDR={clientAddress} NAME=[UNAVAILABLE]").ConfigureAwait(false);
        await Expect("250", $"EHLO {helo}").ConfigureAwait(false);
        return await SendAsync($"MAIL FROM:<{sender}>", cancellationToken).ConfigureAwait(false);

        async Task Expect(string code, string command)
        {
            var reply = await SendAsync(command, cancellationToken).ConfigureAwait(false);
            if (!reply.StartsWith(code, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{command}: {reply}");
            }
        }
    }

    /// <summary>DATA, the message, and the final reply.</summary>
    public async Task<string> DataAsync(string message, CancellationToken cancellationToken)
    {
        var go = await SendAsync("DATA", cancellationToken).ConfigureAwait(false);
        if (!go.StartsWith("354", StringComparison.Ordinal))
        {
            return go;
        }

        return await SendAsync(message.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n.", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.WriteAsync("QUIT\r\n"u8.ToArray()).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The server hung up first.
        }

        _reader.Dispose();
        _tcp.Dispose();
    }

    private async Task<string> ReadReplyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new IOException("connection closed");
            if (line.Length < 4 || line[3] == ' ')
            {
                return line;
            }
        }
    }
}
