using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>A list's own <see cref="DnsList.Timeout"/>, served by the client's one deadline queue.</summary>
public sealed class DnsblClientListTimeoutTests
{
    private static readonly IPAddress Listed = IPAddress.Parse("127.0.0.2");
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _script = new();

    [Fact]
    public async Task CheckAsync_ListPastItsOwnTimeout_ReportsTimeoutAndTheOthersAnswers()
    {
        _script.Listed("2.0.0.127.fast.test", 60, "127.0.0.2");
        var resolver = new HeldZoneResolver(_script, "slow.test");
        await using var client = Create(resolver, new DnsList("fast.test"), new DnsList("slow.test") { Timeout = TimeSpan.FromMilliseconds(200) });

        var check = client.CheckAsync(Listed).AsTask();
        await resolver.Held.Task;
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var result = await check;

        Assert.Equal(ListOutcomeKind.Listed, result.Lists[0].Kind);
        Assert.Equal(DnsblErrorKind.Timeout, result.Lists[1].Error);
        Assert.Contains("list timeout of 200 ms", result.Lists[1].ErrorDetail, StringComparison.Ordinal);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task CheckAsync_ListTimeoutLongerThanDeadline_ReportsTheDeadline()
    {
        var resolver = new HeldZoneResolver(_script, "slow.test");
        await using var client = Create(resolver, new DnsList("slow.test") { Timeout = TimeSpan.FromSeconds(5) });

        var check = client.CheckAsync(Listed).AsTask();
        await resolver.Held.Task;
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await check;

        Assert.Equal(DnsblErrorKind.DeadlineExceeded, result.Lists[0].Error);
        Assert.Equal(["slow.test"], result.MissingLists);
    }

    [Fact]
    public async Task CheckAsync_AnswerAfterTheListTimeout_ServesTheNextCheckWithoutAskingAgain()
    {
        var resolver = new HeldZoneResolver(_script, "slow.test");
        _script.Listed("2.0.0.127.slow.test", 60, "127.0.0.2");
        await using var client = Create(resolver, new DnsList("slow.test") { Timeout = TimeSpan.FromMilliseconds(200) });

        var first = client.CheckAsync(Listed).AsTask();
        await resolver.Held.Task;
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(DnsblErrorKind.Timeout, (await first).Lists[0].Error);
        resolver.Release.SetResult(); // the next check joins the lookup still in flight or reads the answer it cached

        var second = await client.CheckAsync(Listed);

        Assert.Equal(ListOutcomeKind.Listed, second.Lists[0].Kind);
        Assert.Equal(1, _script.AskedCount);
    }

    [Fact]
    public async Task CheckMessageAsync_ListPastItsOwnTimeout_ReportsTimeout()
    {
        var resolver = new HeldZoneResolver(_script, "slow.test");
        await using var client = Create(resolver, new DnsList("slow.test") { Timeout = TimeSpan.FromMilliseconds(200) });
        var message = new Dnsbl.Client.Messages.MessageContext { ConnectingAddress = IPAddress.Parse("91.198.174.10") }; // public: loopback is always trusted

        var check = client.CheckMessageAsync(message).AsTask();
        await resolver.Held.Task;
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var result = await check;

        Assert.Equal(DnsblErrorKind.Timeout, Assert.Single(result.Lookups).Outcome.Error);
    }

    private DnsblClient Create(IDnsResolver resolver, params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists, Deadline = TimeSpan.FromSeconds(1) };
        options.Health.Enabled = false;
        return new DnsblClient(options, resolver, null, _time, null);
    }

    /// <summary>Answers from the script at once, except questions under one zone, held until <see cref="Release"/>.</summary>
    private sealed class HeldZoneResolver(ScriptedResolver script, string heldZone) : IDnsResolver
    {
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
        {
            if (!question.Name.EndsWith("." + heldZone, StringComparison.Ordinal))
            {
                return await script.ResolveAsync(question, cancellationToken);
            }

            Held.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await script.ResolveAsync(question, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
