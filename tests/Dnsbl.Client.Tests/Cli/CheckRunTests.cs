using System.Net;
using Dnsbl.Cli.Commands;
using Dnsbl.Cli.Output;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>The bulk loop of <c>dnsbl check -f</c>: order, the in-flight bound, a slow head, and stopping.</summary>
public sealed class CheckRunTests
{
    private static readonly DnsList[] Lists = [new("bl.test")];

    // Past the in-flight bound several times over, so a run that stalls behind a held check cannot finish.
    private const int ManyInputs = CheckRun.InFlight * 3;

    [Fact]
    public async Task RunAsync_ManyInputs_NeverMoreThanTheInFlightBoundRunningAndResultsInInputOrder()
    {
        var resolver = new CountingResolver { RequireOverlap = true };
        await using var client = Create(resolver);
        var inputs = Addresses(ManyInputs);
        var output = new CollectedOutput();

        var summary = await CheckRun.RunAsync(client, Lists, inputs, output, static () => { }, CancellationToken.None);

        Assert.InRange(resolver.MostRunning, 2, CheckRun.InFlight);
        Assert.Equal(inputs, output.Items.Select(i => i.Input));
        Assert.Equal(ManyInputs, summary.Inputs);
    }

    [Fact]
    public async Task RunAsync_FirstCheckHeld_LaterChecksFinishBeforeItAndAllAreWrittenInOrder()
    {
        var resolver = new CountingResolver { HeldName = "0.0.0.10.bl.test", ReleaseAfterAnswered = ManyInputs - 1 };
        await using var client = Create(resolver);
        var inputs = Addresses(ManyInputs);
        var output = new CollectedOutput();

        await CheckRun.RunAsync(client, Lists, inputs, output, static () => { }, CancellationToken.None);

        Assert.True(resolver.ReleasedAfterOthers);
        Assert.Equal(inputs, output.Items.Select(i => i.Input));
    }

    [Fact]
    public async Task RunAsync_AllHeldThenCancelled_StartedNoMoreThanTheBoundAndThrowsCancelled()
    {
        var resolver = new CountingResolver { HoldAll = true };
        await using var client = Create(resolver);
        using var cancel = new CancellationTokenSource();
        resolver.AllHeld = () => cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CheckRun.RunAsync(client, Lists, Addresses(ManyInputs), new CollectedOutput(), static () => { }, cancel.Token));

        Assert.Equal(CheckRun.InFlight, resolver.MostRunning);
    }

    [Fact]
    public async Task RunAsync_ClientRefusesEveryCheck_ThrowsItsFailureAndWritesNothing()
    {
        var resolver = new CountingResolver();
        var client = Create(resolver);
        await client.DisposeAsync();
        var output = new CollectedOutput();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => CheckRun.RunAsync(client, Lists, Addresses(ManyInputs), output, static () => { }, CancellationToken.None));

        Assert.Empty(output.Items);
    }

    [Fact]
    public async Task RunAsync_AddressWithOnlyDomainLists_ReportedNotJudgedInPlace()
    {
        var resolver = new CountingResolver();
        await using var client = Create(resolver);
        var inputs = new[] { CheckInput.Parse("10.0.0.1"), CheckInput.Parse("example.com") };
        var output = new CollectedOutput();

        await CheckRun.RunAsync(client, [new DnsList("dbl.test", DnsListKind.DomainBlockList)], inputs, output, static () => { }, CancellationToken.None);

        Assert.Null(output.Items[0].Result);
        Assert.Contains("no ip: list", output.Items[0].InputError, StringComparison.Ordinal);
        Assert.NotNull(output.Items[1].Result);
    }

    private static CheckInput[] Addresses(int count) =>
        [.. Enumerable.Range(0, count).Select(i => CheckInput.Parse($"10.0.{i / 256}.{i % 256}"))];

    private static DnsblClient Create(IDnsResolver resolver)
    {
        var options = new DnsblOptions { Lists = [.. Lists, new DnsList("dbl.test", DnsListKind.DomainBlockList)], Deadline = TimeSpan.FromMinutes(5) };
        options.Health.Enabled = false;
        return new DnsblClient(options, resolver, null, null, null);
    }

    private sealed class CollectedOutput : ICheckOutput
    {
        public List<CheckedInput> Items { get; } = [];

        public Task WriteAsync(CheckedInput item, CancellationToken cancellationToken)
        {
            Items.Add(item);
            return Task.CompletedTask;
        }

        public Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Answers NXDOMAIN after a yield, counting lookups running at once; can hold one name, or all of them.</summary>
    private sealed class CountingResolver : IDnsResolver
    {
        private readonly ScriptedResolver _script = new();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _twoRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;
        private int _mostRunning;
        private int _answered;

        public string? HeldName { get; init; }

        public int ReleaseAfterAnswered { get; init; } = int.MaxValue;

        public bool HoldAll { get; init; }

        public bool RequireOverlap { get; init; }

        public Action? AllHeld { get; set; }

        public bool ReleasedAfterOthers { get; private set; }

        public int MostRunning => Volatile.Read(ref _mostRunning);

        public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostRunning, running);
            if (running >= 2)
            {
                _twoRunning.TrySetResult();
            }

            try
            {
                // With RequireOverlap no answer comes before a second check runs: the run must overlap checks whatever
                // the machine's load (a serial run times out here and fails; the count then says 1).
                if (RequireOverlap)
                {
                    await _twoRunning.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                }
                else
                {
                    await Task.Yield();
                }
                if (HoldAll)
                {
                    if (running == CheckRun.InFlight)
                    {
                        AllHeld?.Invoke();
                    }

                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                if (question.Name == HeldName)
                {
                    await _release.Task.WaitAsync(cancellationToken);
                }

                return await _script.ResolveAsync(question, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                if (question.Name != HeldName && Interlocked.Increment(ref _answered) == ReleaseAfterAnswered)
                {
                    ReleasedAfterOthers = true;
                    _release.TrySetResult();
                }
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var before && before != seen)
            {
                seen = before;
            }
        }
    }
}
