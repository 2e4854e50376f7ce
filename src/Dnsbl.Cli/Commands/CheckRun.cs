using System.Threading.Channels;
using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// Checks inputs with as many in flight as the client's transport keeps queries in flight, and hands the results to the
/// output in input order. An input no configured list can judge, or one the client refuses, becomes an input error in
/// its place; it is never checked against nothing and reported as "accept".
/// </summary>
/// <remarks>
/// Each check sends at least one query, so <see cref="DnsTransportConstants.MaxQueriesInFlight"/> checks keep the
/// transport full; more would only wait for its query slots. A slow input (a lost query waits out its attempt timeout)
/// holds back the writing of later results, not their checks: finished results wait in order, up to
/// <see cref="BufferedPerCheck"/> × the in-flight count. That bound should outlast an attempt timeout at full speed, or
/// every lost query would stall the whole run until it is answered or given up.
/// </remarks>
internal static class CheckRun
{
    public const int InFlight = DnsTransportConstants.MaxQueriesInFlight;
    private const int BufferedPerCheck = 1024;

    public static async Task<CheckSummary> RunAsync(
        DnsblClient client, IReadOnlyList<DnsList> lists, IReadOnlyList<CheckInput> inputs, ICheckOutput output, Action onProgress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(InFlight);
        var inOrder = Channel.CreateBounded<Task<CheckedInput>>(new BoundedChannelOptions(InFlight * BufferedPerCheck) { SingleReader = true, SingleWriter = true });
        var starting = StartAllAsync(client, lists, inputs, slots, inOrder.Writer, stop.Token);
        var summary = new CheckSummary();
        try
        {
            await foreach (var check in inOrder.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var item = await check.ConfigureAwait(false);
                summary.Add(item);
                await output.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                onProgress();
            }
        }
        catch
        {
            // Stop starting checks and let those in flight end before the client is disposed; the first failure is reported.
            await stop.CancelAsync().ConfigureAwait(false);
            await starting.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            while (inOrder.Reader.TryRead(out var running))
            {
                await running.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            throw;
        }

        await starting.ConfigureAwait(false);
        await output.CompleteAsync(summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static async Task StartAllAsync(
        DnsblClient client, IReadOnlyList<DnsList> lists, IReadOnlyList<CheckInput> inputs, SemaphoreSlim slots,
        ChannelWriter<Task<CheckedInput>> inOrder, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var input in inputs)
            {
                if ((input.Problem ?? input.UnjudgedBy(lists)) is { } problem)
                {
                    await inOrder.WriteAsync(Task.FromResult(CheckedInput.NotJudged(input, problem)), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                await inOrder.WriteAsync(CheckAsync(client, input, slots, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            inOrder.Complete();
        }
        catch (Exception failure)
        {
            inOrder.Complete(failure);
            throw;
        }
    }

    private static async Task<CheckedInput> CheckAsync(DnsblClient client, CheckInput input, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var result = input.Address is { } address
                ? await client.CheckAsync(address, cancellationToken).ConfigureAwait(false)
                : await client.CheckDomainAsync(input.Text, cancellationToken).ConfigureAwait(false);
            return CheckedInput.Judged(input, result);
        }
        catch (DnsblInputException invalid)
        {
            return CheckedInput.NotJudged(input, $"neither an IP address nor a valid domain: {invalid.Problem}");
        }
        finally
        {
            slots.Release();
        }
    }
}
