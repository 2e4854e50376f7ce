using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Policy;

/// <summary>
/// One client connection: read a request, answer it, repeat, until the client closes, misbehaves, stays idle past the
/// idle timeout (armed while waiting for a request, paused while deciding), or the server stops. A request whose empty
/// line has arrived is always answered, even during a stop; the stop closes connections waiting for their next request.
/// </summary>
internal sealed class PolicyConnection
{
    private readonly Socket _socket;
    private readonly string _peer;
    private readonly PolicyServerContext _server;

    public PolicyConnection(Socket socket, string peer, PolicyServerContext server)
    {
        _socket = socket;
        _peer = peer;
        _server = server;
    }

    public async Task RunAsync()
    {
        var settings = _server.Settings;
        var reader = new PolicyRequestReader(_socket, settings.MaxAttributeBytes, settings.MaxAttributes);
        var request = new PolicyRequest();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(_server.Stopping);
        using var idle = _server.Time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), waiting, settings.IdleTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            while (true)
            {
                PolicyReadStatus status;
                try
                {
                    status = await reader.ReadAsync(request, waiting.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (waiting.IsCancellationRequested)
                {
                    if (!_server.Stopping.IsCancellationRequested)
                    {
                        PolicyLog.IdleTimeout(_server.Logger, _peer, settings.IdleTimeout);
                    }

                    return;
                }

                if (status == PolicyReadStatus.Closed)
                {
                    return;
                }

                idle.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                var started = _server.Time.GetTimestamp();
                var (outcome, action) = await AnswerOfAsync(status, request).ConfigureAwait(false);

                // Armed before the answer leaves: once the peer has its answer, the wait for its next request is timed.
                idle.Change(settings.IdleTimeout, Timeout.InfiniteTimeSpan);
                await SendAsync("action=" + action + "\n\n").ConfigureAwait(false);
                _server.Metrics.RequestAnswered(outcome, _server.Time.GetElapsedTime(started));
                if (status != PolicyReadStatus.Request || (_server.Stopping.IsCancellationRequested && !reader.HasBufferedLine))
                {
                    return;
                }
            }
        }
        catch (Exception failure) when (failure is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer reset the connection, or the stop's grace period ended and closed it: nothing left to answer.
            PolicyLog.ConnectionFailed(_server.Logger, _peer, failure);
        }
        finally
        {
            CloseGracefully(_socket);
        }
    }

    private async ValueTask<(PolicyOutcome Outcome, string Action)> AnswerOfAsync(PolicyReadStatus status, PolicyRequest request)
    {
        var settings = _server.Settings;
        switch (status)
        {
            case PolicyReadStatus.LineTooLong:
                var tooLong = settings.ErrorActionText("the policy request was malformed");
                PolicyLog.ConnectionAbused(_server.Logger, _peer, $"an attribute line is longer than {settings.MaxAttributeBytes} bytes");
                return (PolicyOutcome.BadRequest, tooLong);
            case PolicyReadStatus.TooManyAttributes:
                PolicyLog.ConnectionAbused(_server.Logger, _peer, $"a request has more than {settings.MaxAttributes} attributes");
                return (PolicyOutcome.BadRequest, settings.ErrorActionText("the policy request was malformed"));
        }

        var answer = await _server.Decider.DecideAsync(request, _server.Aborting).ConfigureAwait(false);
        if (answer.Outcome == PolicyOutcome.BadRequest)
        {
            var problem = request.MalformedLine is { } line ? $"line '{line}' is no name=value attribute" : $"request={PolicyWireText.Sanitize(request.Request ?? "(none)", 80)}";
            PolicyLog.BadRequest(_server.Logger, _peer, problem, answer.Action);
        }

        return answer;
    }

    private async ValueTask SendAsync(string reply)
    {
        // Actions are sanitised to printable ASCII, so one byte per char.
        var bytes = Encoding.ASCII.GetBytes(reply);
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, _server.Aborting).ConfigureAwait(false);
        }
    }

    // A FIN after the last answer, so a peer still reading gets it before the close.
    private static void CloseGracefully(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception failure) when (failure is SocketException or ObjectDisposedException)
        {
            // Already reset or closed by the peer.
        }

        socket.Dispose();
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended as the timer fired.
        }
    }
}
