using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// A real redis-server on 127.0.0.1 at a free port for integration tests: no persistence, readiness proven by a
/// PING answered PONG, stopped by its pid (and startable again on the same port, to test a restart).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Where Debian's redis-server package installs the server.</summary>
    public const string DefaultExecutablePath = "/usr/bin/redis-server";

    private const int StartAttempts = 5;
    private Process? _process;
    private int _disposed;

    private RedisServer(int port) => Port = port;

    /// <summary>The loopback port Redis listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts redis-server on a free loopback port and waits until it answers PING.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">redis-server is not installed or did not start.</exception>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DefaultExecutablePath))
        {
            throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server");
        }

        var failures = new List<string>();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var server = new RedisServer(FreePort());
            if (await server.TryStartAsync(cancellationToken).ConfigureAwait(false))
            {
                return server;
            }

            failures.Add($"port {server.Port}: {await server.StopAsync().ConfigureAwait(false)}");
        }

        throw new InvalidOperationException($"redis-server did not start after {StartAttempts} attempts: {string.Join("; ", failures)}");
    }

    /// <summary>Starts the server again on the same port after <see cref="StopAsync"/> (empty: no persistence).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server answers again.</returns>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"redis-server did not restart on port {Port}: {await StopAsync().ConfigureAwait(false)}");
        }
    }

    /// <summary>Kills redis-server by its pid and waits for it to exit.</summary>
    /// <returns>What the process said, for failure messages.</returns>
    public async Task<string> StopAsync()
    {
        if (_process is not { } process)
        {
            return "not running";
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var exitCode = process.ExitCode;
        process.Dispose();
        return $"exit code {exitCode}: {output.Trim()}";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> TryStartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DefaultExecutablePath)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        _ = _process.StandardOutput.BaseStream; // read at stop; redis logs little at warning level
        for (var i = 0; i < 100 && !_process.HasExited; i++)
        {
            if (await AnswersPingAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes("PING\r\n"), cancellationToken).ConfigureAwait(false);
            var reply = new byte[16];
            var read = await socket.ReceiveAsync(reply, cancellationToken).ConfigureAwait(false);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
