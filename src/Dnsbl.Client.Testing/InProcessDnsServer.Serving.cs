using System.Net.Sockets;

namespace Dnsbl.Client.Testing;

public sealed partial class InProcessDnsServer
{
    /// <summary>
    /// The receive loop shared by UDP and TCP: waits for the next datagram or connection and hands it on, until the
    /// server stops. Cancellation, disposal, or a socket error after stopping ends the loop.
    /// </summary>
    private async Task ServeUntilStoppedAsync<TReceived>(Func<CancellationToken, ValueTask<TReceived>> receive, Action<TReceived> dispatch)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            TReceived received;
            try
            {
                received = await receive(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!stopping.IsCancellationRequested)
            {
                // An ICMP port-unreachable from an earlier send surfaces here on some platforms (UDP); keep serving.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            dispatch(received);
        }
    }
}
