using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>The listening gate: accepts connections and runs one <see cref="SmtpSession"/> per client.</summary>
public sealed partial class SmtpGateServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly SmtpGateOptions _options;
    private readonly GateJudge _judge;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _sessions = new();
    private readonly Task _acceptLoop;
    private int _nextSession;

    private SmtpGateServer(TcpListener listener, SmtpGateOptions options, DnsblClient client, ILogger logger)
    {
        _listener = listener;
        _options = options;
        _logger = logger;
        _judge = new GateJudge(client, options.GreetingDeadline, logger);
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>Where the gate listens (the real port when the options asked for port 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts listening.</summary>
    /// <param name="options">Where to listen and how to judge.</param>
    /// <param name="client">The DNSBL client that scores clients and domains; the caller owns it.</param>
    /// <param name="logger">Where verdicts and explanations go.</param>
    /// <returns>The running gate.</returns>
    public static SmtpGateServer Start(SmtpGateOptions options, DnsblClient client, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        var listener = new TcpListener(options.ListenEndPoint);
        listener.Start();
        return new SmtpGateServer(listener, options, client, logger);
    }

    /// <summary>Stops listening and ends every session.</summary>
    /// <returns>A task that completes when every session has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_sessions.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var id = Interlocked.Increment(ref _nextSession);
            _sessions[id] = Task.Run(() => ServeAsync(id, connection, cancellationToken), CancellationToken.None);
        }
    }

    private async Task ServeAsync(int id, TcpClient connection, CancellationToken cancellationToken)
    {
        var peer = ((IPEndPoint)connection.Client.RemoteEndPoint!).Address;
        try
        {
            using (connection)
            {
                await using var stream = connection.GetStream();
                var session = new SmtpSession(stream, peer, _options, _judge, _logger);
                await session.RunAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // A client that hangs up, or the gate stopping, ends the session; neither is the gate's fault.
            LogSessionEnded(_logger, peer, exception.Message);
        }
        finally
        {
            _sessions.TryRemove(id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session from {Peer} ended: {Reason}")]
    private static partial void LogSessionEnded(ILogger logger, IPAddress peer, string reason);
}
