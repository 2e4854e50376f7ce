using System.Collections.Concurrent;
using System.Net;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>The engine's use of a shared (fleet) answer cache: one batched read per check on a miss, write-behind of DNS answers, errors and bad values never trusted.</summary>
public sealed class DnsblClientSharedCacheTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();
    private readonly MemorySharedCache _shared = new();

    [Fact]
    public async Task CheckAsync_SharedHitForEveryList_NoDnsQueryAndOneBatchedRead()
    {
        var lists = Enumerable.Range(0, 10).Select(i => new DnsList($"l{i}.test")).ToArray();
        foreach (var list in lists)
        {
            _shared.Answers[new SharedAnswerKey(list.Zone, "2.0.0.127")] = new SharedAnswer { Codes = [IPAddress.Parse("127.0.0.2")], TimeToLive = TimeSpan.FromSeconds(200) };
        }

        await using var client = Create(lists);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(0, _resolver.AskedCount);
        Assert.Equal(1, _shared.Reads);
        Assert.All(result.Lists, o => Assert.Equal(ListOutcomeKind.Listed, o.Kind));
        Assert.Equal(10, result.Score);
        var again = client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        Assert.True(again.IsCompletedSuccessfully); // now in the in-process cache
        await again;
        Assert.Equal(1, _shared.Reads);
    }

    [Fact]
    public async Task CheckAsync_SharedMiss_AsksDnsAndPublishesNegativeAnswerWithItsTtl()
    {
        await using var client = Create(new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.9"));

        Assert.Equal(ListOutcomeKind.NotListed, result.Lists[0].Kind);
        Assert.Equal(1, _resolver.TimesAsked("9.0.0.127.bl.test"));
        var written = Assert.Single(_shared.Published);
        Assert.Equal(new SharedAnswerKey("bl.test", "9.0.0.127"), written.Key);
        Assert.Empty(written.Value.Codes);
        Assert.Equal(ScriptedResolver.NegativeTimeToLive, written.Value.TimeToLive);
    }

    [Fact]
    public async Task CheckAsync_DnsError_IsNeverPublished()
    {
        _resolver.Status("2.0.0.127.bl.test", DnsRecordType.A, DnsLookupStatus.ServerFailure, 2);
        await using var client = Create(new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(ListOutcomeKind.Error, result.Lists[0].Kind);
        Assert.Empty(_shared.Published);
    }

    [Fact]
    public async Task CheckAsync_SharedValueReadsAsOperatorError_IgnoredAndDnsAsked()
    {
        // A value no client writes (an error code, as a poisoned or foreign value would hold) is never a listing.
        _shared.Answers[new SharedAnswerKey("bl.test", "2.0.0.127")] = new SharedAnswer { Codes = [IPAddress.Parse("127.255.255.254")], TimeToLive = TimeSpan.FromSeconds(200) };
        var list = new DnsList("bl.test") { ErrorCodes = [ReturnCodeFilter.Parse("127.255.255.254")] };
        await using var client = Create(list);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.bl.test"));
        Assert.Equal(ListOutcomeKind.NotListed, result.Lists[0].Kind);
    }

    [Fact]
    public async Task CheckAsync_SharedCacheThrows_CheckGoesOnToDns()
    {
        _shared.Fail = true;
        await using var client = Create(new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.True(result.IsComplete);
        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.bl.test"));
    }

    [Fact]
    public async Task CheckMessageAsync_OneLinkShared_OneReadForTheMessageAndDnsForTheOther()
    {
        var list = new DnsList("uri.test", DnsListKind.UriBlockList);
        _shared.Answers[new SharedAnswerKey("uri.test", "spam-one.com")] = new SharedAnswer { Codes = [IPAddress.Parse("127.0.0.2")], TimeToLive = TimeSpan.FromSeconds(200) };
        await using var client = Create(list);

        var result = await client.CheckMessageAsync(new Dnsbl.Client.Messages.MessageContext { TextBody = "Buy at http://www.spam-one.com/x and http://spam-two.net/y today." });

        Assert.Equal(1, _shared.Reads);
        Assert.Equal(0, _resolver.TimesAsked("spam-one.com.uri.test"));
        Assert.Equal(1, _resolver.TimesAsked("spam-two.net.uri.test"));
        Assert.Equal([ListOutcomeKind.Listed, ListOutcomeKind.NotListed], result.Lookups.Select(l => l.Kind));
        Assert.Equal(new SharedAnswerKey("uri.test", "spam-two.net"), Assert.Single(_shared.Published).Key);
    }

    [Fact]
    public async Task CheckAsync_TxtOnlyList_NeitherReadsNorPublishesSharedAnswers()
    {
        var txt = new DnsList("bl.spamcop.test") { QueryType = ListQueryType.Txt };
        _shared.Answers[new SharedAnswerKey(txt.Zone, "2.0.0.127")] = new SharedAnswer { Codes = [], TimeToLive = TimeSpan.FromSeconds(200) };
        _resolver.Answer("2.0.0.127.bl.spamcop.test", DnsRecordType.TXT, "Blocked - see https://www.spamcop.net/bl.shtml?127.0.0.2");
        await using var client = Create(txt);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(ListOutcomeKind.Listed, result.Lists[0].Kind);
        Assert.Equal(0, _shared.Reads);
        Assert.Empty(_shared.Published);
    }

    private DnsblClient Create(params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        return new DnsblClient(options, _resolver, null, _time, null, new DnsblSharing { Answers = _shared });
    }

    private sealed class MemorySharedCache : ISharedAnswerCache
    {
        public ConcurrentDictionary<SharedAnswerKey, SharedAnswer> Answers { get; } = new();

        public ConcurrentQueue<KeyValuePair<SharedAnswerKey, SharedAnswer>> Published { get; } = new();

        public int Reads { get; private set; }

        public bool Fail { get; set; }

        public ValueTask GetManyAsync(ReadOnlyMemory<SharedAnswerKey> keys, Memory<SharedAnswer?> answers, CancellationToken cancellationToken)
        {
            Reads++;
            if (Fail)
            {
                throw new InvalidOperationException("shared cache down");
            }

            for (var i = 0; i < keys.Length; i++)
            {
                answers.Span[i] = Answers.GetValueOrDefault(keys.Span[i]);
            }

            return ValueTask.CompletedTask;
        }

        public void Publish(SharedAnswerKey key, SharedAnswer answer) => Published.Enqueue(KeyValuePair.Create(key, answer));
    }
}
