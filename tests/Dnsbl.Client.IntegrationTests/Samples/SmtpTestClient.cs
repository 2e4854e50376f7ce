using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>The client side of an SMTP conversation over loopback: sends lines, reads (multi-line) replies.</summary>
internal sealed class SmtpTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly Stream _stream;

    private SmtpTestClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    public static async Task<SmtpTestClient> ConnectAsync(IPEndPoint endPoint)
    {
        var tcp = new TcpClient(AddressFamily.InterNetwork);
        await tcp.ConnectAsync(endPoint);
        return new SmtpTestClient(tcp);
    }

    /// <summary>Reads one reply; the lines of a multi-line reply are joined with '\n'.</summary>
    public async Task<string> ReadReplyAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new IOException("The gate closed the connection.");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    public async Task<string> SendAsync(string line)
    {
        await SendLineAsync(line);
        return await ReadReplyAsync();
    }

    public async Task SendLineAsync(string line) => await _stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
