using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Spectre.Console;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl check -f FILE</c>: checks many inputs with a bounded number in flight, writing results in input order (JSON
/// Lines as each is known, or one table at the end) and a progress bar on stderr when stderr is a terminal.
/// </summary>
internal static class CheckFileRun
{
    // Enough to hide lookup latency for large files without flooding a small resolver.
    private const int InFlight = 16;

    public static async Task<int> RunAsync(CliConsole console, DnsblClient client, IReadOnlyList<string> inputs, bool json, CancellationToken cancellationToken)
    {
        var results = new List<DnsblCheckResult>(json ? 0 : inputs.Count);
        var anyRejected = false;
        async Task OnResultAsync(DnsblCheckResult result)
        {
            anyRejected |= result.Verdict == DnsblVerdict.Reject;
            if (json)
            {
                await CheckJsonLines.WriteAsync(console.Output, result, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                results.Add(result);
            }
        }

        if (IsErrorTerminal(console))
        {
            await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) })
                .Progress()
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("checking", maxValue: inputs.Count);
                    await CheckInOrderAsync(client, inputs, OnResultAsync, () => bar.Increment(1), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            await CheckInOrderAsync(client, inputs, OnResultAsync, static () => { }, cancellationToken).ConfigureAwait(false);
        }

        if (!json)
        {
            CheckTable.Write(console.CreateTableConsole(), results);
        }

        return anyRejected ? ExitCodes.Listed : ExitCodes.Clean;
    }

    internal static async Task CheckInOrderAsync(
        DnsblClient client, IReadOnlyList<string> inputs, Func<DnsblCheckResult, Task> onResult, Action onProgress, CancellationToken cancellationToken)
    {
        var pending = new Queue<Task<DnsblCheckResult>>();
        var next = 0;
        while (next < inputs.Count || pending.Count > 0)
        {
            while (next < inputs.Count && pending.Count < InFlight)
            {
                pending.Enqueue(CheckCommand.CheckOneAsync(client, inputs[next++], cancellationToken));
            }

            try
            {
                await onResult(await pending.Dequeue().ConfigureAwait(false)).ConfigureAwait(false);
                onProgress();
            }
            catch
            {
                // Observe the checks still running so none fails unobserved, then report the first failure.
                await Task.WhenAll(pending.Select(p => p.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static bool IsErrorTerminal(CliConsole console) =>
        ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
}
