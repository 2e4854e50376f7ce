using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

public sealed class DnsblClientConcurrencyTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new() { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

    [Fact]
    public async Task CheckAsync_SameAddressTwiceInFlight_SharesOneQuery()
    {
        _resolver.Listed("2.0.0.127.bl.test", 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var first = client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask();
        await _resolver.NextQuestion.Task;
        var second = client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask();
        _resolver.Gate!.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Equal(1, _resolver.AskedCount);
        Assert.All(results, r => Assert.Equal(ListOutcomeKind.Listed, r.Lists[0].Kind));
    }

    [Fact]
    public async Task CheckAsync_DeadlinePasses_ReportsMissingListsAndLateAnswerFillsCache()
    {
        _resolver.Listed("2.0.0.127.slow.test", 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, o => o.Deadline = TimeSpan.FromMilliseconds(500), new DnsList("slow.test"));

        var check = client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask();
        await _resolver.NextQuestion.Task;
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var result = await check;

        Assert.False(result.IsComplete);
        Assert.Equal(["slow.test"], result.MissingLists);
        Assert.Equal(DnsblErrorKind.DeadlineExceeded, result.Lists[0].Error);
        Assert.Equal(0, result.Score);

        // The answer arriving after the deadline still serves later checks (joined in flight or from the cache): no new query.
        _resolver.Gate!.SetResult();
        var later = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        Assert.Equal(ListOutcomeKind.Listed, later.Lists[0].Kind);
        Assert.Equal(1, _resolver.AskedCount);
    }

    [Fact]
    public async Task CheckAsync_ListTimeoutShorterThanDeadline_ListTimesOutOthersComplete()
    {
        await using var client = ClientFactory.Create(
            _resolver, _time, o => o.Deadline = TimeSpan.FromSeconds(5),
            new DnsList("slow.test") { Timeout = TimeSpan.FromMilliseconds(100) });

        var check = client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask();
        await _resolver.NextQuestion.Task;
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await check;

        Assert.Equal(DnsblErrorKind.Timeout, result.Lists[0].Error);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task CheckAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));
        using var cancel = new CancellationTokenSource();

        var check = client.CheckAsync(IPAddress.Parse("127.0.0.2"), cancel.Token).AsTask();
        await _resolver.NextQuestion.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check);
    }

    [Fact]
    public async Task CheckAsync_TenListsInParallel_AllAskedBeforeAnyAnswers()
    {
        var lists = Enumerable.Range(0, 10).Select(i => new DnsList($"bl{i}.test")).ToArray();
        await using var client = ClientFactory.Create(_resolver, _time, null, lists);

        var check = client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask();
        // Every list is asked while the gate still holds every answer: the lookups run in parallel.
        Assert.Equal(10, _resolver.AskedCount);
        _resolver.Gate!.SetResult();
        var result = await check;

        Assert.Equal(10, result.Lists.Count);
        Assert.True(result.IsComplete);
    }
}
