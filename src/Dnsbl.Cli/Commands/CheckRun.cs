using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// Checks inputs with as many in flight as the client's transport keeps queries in flight for each list, and hands the results to the
/// output in input order. An input no configured list can judge, or one the client refuses, becomes an input error in
/// its place; it is never checked against nothing and reported as "accept".
/// </summary>
/// <remarks>
/// Each check asks every list once, and the transport gives each list of a server its share of that server's query
/// slots (<see cref="DnsTransportConstants.MaxQueriesInFlight"/> / <see cref="DnsTransportConstants.ShareDivisor"/>),
/// so <see cref="InFlight"/> checks keep every list's share full; more would only wait for query slots. With a single
/// list the transport would let it hold all the slots, but twice the share overflows the socket buffer of a nameserver
/// with default settings: measured against a local rbldnsd over 100,000 inputs, 256 checks in flight lost 340-840
/// queries, each retried after the 1 s attempt timeout (the last of them held the run's end for up to a second), and 128
/// lost none at the same rate. A slow input (a lost query waits out its attempt timeout)
/// holds back the writing of later results, not their checks: finished results wait in order, up to
/// <see cref="BufferedPerCheck"/> × the in-flight count. That bound should outlast an attempt timeout at full speed, or
/// every lost query would stall the whole run until it is answered or given up.
/// Checks are started by <see cref="CheckStarter"/>, mostly on the thread where the previous one ended, and each is the
/// client's own <see cref="ValueTask{TResult}"/> (no Task, no semaphore, no channel per check), because at 100,000
/// inputs those costs were twice the library's own; this loop only writes finished results from the ring's head, and
/// sleeps until the check at the head ends.
/// </remarks>
internal static class CheckRun
{
    public const int InFlight = DnsTransportConstants.MaxQueriesInFlight / DnsTransportConstants.ShareDivisor;
    private const int BufferedPerCheck = 1024;
    private const int Buffered = InFlight * BufferedPerCheck;

    public static async Task<CheckSummary> RunAsync(
        DnsblClient client, IReadOnlyList<DnsList> lists, IReadOnlyList<CheckInput> inputs, ICheckOutput output, Action onProgress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var starter = new CheckStarter(client, lists, inputs, Buffered, stop.Token);
        var summary = new CheckSummary();
        try
        {
            starter.StartWhileRoom();
            for (var written = 0; written < inputs.Count;)
            {
                if (starter.Finished(written) is not { } head)
                {
                    // Not finished, or not started (the run was cancelled, or no room when the last check ended).
                    stop.Token.ThrowIfCancellationRequested();
                    starter.StartWhileRoom();
                    if (starter.Finished(written) is null)
                    {
                        await starter.WaitAsync().ConfigureAwait(false);
                    }

                    continue;
                }

                var item = head.Take();
                starter.Written(written++);
                summary.Add(item);
                var writing = output.WriteAsync(item, cancellationToken);
                if (!writing.IsCompletedSuccessfully)
                {
                    await writing.ConfigureAwait(false);
                }

                onProgress();
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            // Stop starting checks and let those in flight end before the client is disposed; the first failure is reported.
            starter.Stop();
            await stop.CancelAsync().ConfigureAwait(false);
            while (starter.Running > 0)
            {
                await starter.WaitAsync().ConfigureAwait(false);
            }

            throw;
        }

        await output.CompleteAsync(summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }
}
