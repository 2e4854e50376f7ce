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
/// One loop starts checks, keeps them in an ordered ring and writes finished ones from its head; it sleeps only when
/// nothing can be started or written, and each check is the client's own <see cref="ValueTask{TResult}"/> (no Task, no
/// semaphore, no channel per check), because at 100,000 inputs those costs were twice the library's own.
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
        var judges = new ListKinds(lists);
        var run = new CheckRunState();
        var inOrder = new Queue<PendingCheck>();
        var spare = new Stack<PendingCheck>();
        var summary = new CheckSummary();
        var next = 0;
        try
        {
            while (true)
            {
                var progressed = false;
                while (next < inputs.Count && run.Running < InFlight && inOrder.Count < Buffered && !stop.IsCancellationRequested)
                {
                    var pending = spare.TryPop(out var reused) ? reused : new PendingCheck();
                    Start(client, judges, inputs[next++], pending, run, stop.Token);
                    inOrder.Enqueue(pending);
                    progressed = true;
                }

                while (inOrder.TryPeek(out var head) && head.IsDone)
                {
                    inOrder.Dequeue();
                    var item = head.Take();
                    spare.Push(head);
                    summary.Add(item);
                    var writing = output.WriteAsync(item, cancellationToken);
                    if (!writing.IsCompletedSuccessfully)
                    {
                        await writing.ConfigureAwait(false);
                    }

                    onProgress();
                    progressed = true;
                }

                if (inOrder.Count == 0 && (next == inputs.Count || stop.IsCancellationRequested))
                {
                    break;
                }

                if (!progressed)
                {
                    // The head is still running (or the ring is full behind it): sleep until some check ends.
                    await run.WaitForAnEndAsync().ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            // Stop starting checks and let those in flight end before the client is disposed; the first failure is reported.
            await stop.CancelAsync().ConfigureAwait(false);
            while (run.Running > 0)
            {
                await run.WaitForAnEndAsync().ConfigureAwait(false);
            }

            throw;
        }

        await output.CompleteAsync(summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static void Start(DnsblClient client, ListKinds judges, CheckInput input, PendingCheck pending, CheckRunState run, CancellationToken cancellationToken)
    {
        if ((input.Problem ?? input.UnjudgedBy(judges.Ip, judges.Domain)) is { } problem)
        {
            pending.Finished(CheckedInput.NotJudged(input, problem));
            return;
        }

        ValueTask<DnsblCheckResult> check;
        try
        {
            check = input.Address is { } address ? client.CheckAsync(address, cancellationToken) : client.CheckDomainAsync(input.Text, cancellationToken);
        }
        catch (DnsblInputException invalid)
        {
            pending.Finished(CheckedInput.NotJudged(input, $"neither an IP address nor a valid domain: {invalid.Problem}"));
            return;
        }

        if (check.IsCompletedSuccessfully)
        {
            pending.Finished(CheckedInput.Judged(input, check.Result));
            return;
        }

        run.CheckStarted();
        pending.Waiting(input, check, run);
    }

    /// <summary>Which kinds of input the configured lists can judge, asked once per run rather than once per input.</summary>
    private readonly record struct ListKinds(bool Ip, bool Domain)
    {
        public ListKinds(IReadOnlyList<DnsList> lists)
            : this(lists.Any(l => l.IsIpList), lists.Any(l => !l.IsIpList))
        {
        }
    }
}
