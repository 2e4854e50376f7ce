using System.Net.Sockets;
using System.Text.Json;

namespace Dnsbl.Client.Policy;

public sealed partial class DnsblPolicyServer
{
    /// <summary>
    /// Stops gracefully: no new connections, connections waiting for a request are closed, requests in flight are
    /// answered; after <see cref="DnsblPolicyOptions.ShutdownTimeout"/> the rest are closed unanswered (Postfix then
    /// applies its <c>default_action</c>). Safe to call more than once.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for requests in flight early (their connections are closed).</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            _completion.TrySetResult();
            return;
        }

        // Synchronously, so the grace period below starts before this call returns (a test can then advance its clock).
        _stopping.Cancel();
        CloseListeners();
        var abandoned = 0;
        var inFlight = Task.WhenAll(_connections.Values);
        try
        {
            await inFlight.WaitAsync(_settings.ShutdownTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception late) when (late is TimeoutException or OperationCanceledException)
        {
            abandoned = _metrics.ActiveConnections;
            await _aborting.CancelAsync().ConfigureAwait(false);
            await inFlight.ConfigureAwait(false);
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        PolicyLog.Stopped(_logger, abandoned);
        _completion.TrySetResult();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _status?.Dispose();
        _metrics.Dispose();
        _stopping.Dispose();
        _aborting.Dispose();
    }

    private async Task AcceptLoopAsync(PolicyListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException failure)
            {
                // EMFILE and friends: the listener lives on; this connection is lost (Postfix retries it).
                var where = PolicyEndpoint.Describe(listener.LocalEndPoint);
                PolicyLog.ConnectionFailed(_logger, where, failure);
                continue;
            }

            var peer = socket.RemoteEndPoint is { } remote ? PolicyEndpoint.Describe(remote) : "unix";
            if (!_metrics.TryOpenConnection(_settings.MaxConnections))
            {
                PolicyLog.ConnectionRefused(_logger, peer, _settings.MaxConnections);
                socket.Dispose();
                continue;
            }

            var id = Interlocked.Increment(ref _nextConnectionId);
            _connections[id] = RunConnectionAsync(id, socket, peer);
        }
    }

    private async Task RunConnectionAsync(long id, Socket socket, string peer)
    {
        await Task.Yield(); // the accept loop goes on while this connection is served
        try
        {
            await new PolicyConnection(socket, peer, _context!).RunAsync().ConfigureAwait(false);
        }
        catch (Exception bug)
        {
            // A bug in one connection must not take the service down, nor make the stop's wait throw.
            PolicyLog.ConnectionCrashed(_logger, peer, bug);
        }
        finally
        {
            _metrics.CloseConnection();
            _connections.TryRemove(id, out _);
            ConnectionEnded?.Invoke();
        }
    }

    /// <summary>Raised after a connection has closed and been counted out (tests wait on it instead of sleeping).</summary>
    internal event Action? ConnectionEnded;

    private async Task RunHealthAsync()
    {
        try
        {
            await _client.Health.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: the normal way out.
        }
    }

    private void CloseListeners()
    {
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        _status?.Dispose();
    }

    private void WriteStatus(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("listening");
        foreach (var listener in _listeners)
        {
            writer.WriteStringValue(PolicyEndpoint.Describe(listener.LocalEndPoint));
        }

        writer.WriteEndArray();
        _metrics.WriteJson(writer);
        writer.WriteNumber("transactionCacheEntries", _decider.CachedDecisions);
        writer.WritePropertyName("health");
        writer.WriteRawValue(_client.Health.GetReport().ToJson());
        writer.WriteEndObject();
    }
}
