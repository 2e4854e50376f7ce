using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Client;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Telemetry;

public sealed class DnsblMetricsTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();
    private readonly MetricsRecorder _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task CheckAsync_ListedThenCached_CountsQueryMissThenHit()
    {
        _resolver.Listed("2.0.0.127.bl.test", 300, "127.0.0.2");
        await using var client = Create(new DnsList("bl.test"));

        await client.CheckAsync(Address);
        await client.CheckAsync(Address);

        var query = Assert.Single(_metrics.Of("dnsbl.client.queries"));
        Assert.Equal(1, query.Value);
        Assert.Equal("bl.test", query.Tags["dnsbl.list"]);
        Assert.Equal("listed", query.Tags["dnsbl.outcome"]);
        Assert.Equal("bl.test", Assert.Single(_metrics.Of("dnsbl.client.cache.misses")).Tags["dnsbl.list"]);
        Assert.Equal("bl.test", Assert.Single(_metrics.Of("dnsbl.client.cache.hits")).Tags["dnsbl.list"]);
    }

    [Fact]
    public async Task CheckAsync_AnswerAfterQuarterSecond_RecordsDurationInSeconds()
    {
        _resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = Create(new DnsList("bl.test"));

        var check = client.CheckAsync(Address).AsTask();
        await _resolver.NextQuestion.Task;
        _time.Advance(TimeSpan.FromMilliseconds(250));
        _resolver.Gate.SetResult();
        await check;

        var duration = Assert.Single(_metrics.Measurements, m => m.Instrument == "dnsbl.client.query.duration");
        Assert.Equal("s", duration.Unit);
        Assert.Equal(0.25, duration.Value, 6);
        Assert.Equal("notListed", Assert.Single(_metrics.Of("dnsbl.client.queries")).Tags["dnsbl.outcome"]);
    }

    [Fact]
    public async Task CheckAsync_IdenticalChecksInFlight_CountsCoalescedLookup()
    {
        _resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = Create(new DnsList("bl.test"));

        var first = client.CheckAsync(Address).AsTask();
        var second = client.CheckAsync(Address).AsTask();
        _resolver.Gate.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(1, Assert.Single(_metrics.Of("dnsbl.client.queries.coalesced")).Value);
        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.bl.test"));
    }

    [Fact]
    public async Task CheckAsync_ServerFailure_CountsErrorByKind()
    {
        _resolver.Status("2.0.0.127.bl.test", DnsRecordType.A, DnsLookupStatus.ServerFailure);
        await using var client = Create(new DnsList("bl.test"));

        var result = await client.CheckAsync(Address);

        var error = Assert.Single(_metrics.Of("dnsbl.client.errors"));
        Assert.Equal(result.Lists[0].Error.ToString(), error.Tags["error.type"]);
        Assert.NotEqual(DnsblErrorKind.None.ToString(), error.Tags["error.type"]);
        Assert.Equal("error", Assert.Single(_metrics.Of("dnsbl.client.queries")).Tags["dnsbl.outcome"]);
    }

    [Fact]
    public async Task CheckAsync_DisabledList_CountsSkippedWithoutQuery()
    {
        await using var client = Create(new DnsList("bl.test"), new DnsList("other.test"));
        client.Health.ForceDisable("bl.test", "maintenance");

        await client.CheckAsync(Address);

        Assert.Equal("bl.test", Assert.Single(_metrics.Of("dnsbl.client.skipped")).Tags["dnsbl.list"]);
        Assert.Equal(0, _resolver.TimesAsked("2.0.0.127.bl.test"));
    }

    [Fact]
    public async Task ListStateGauge_Observed_ReportsEachListState()
    {
        await using var client = Create(new DnsList("bl.test"), new DnsList("wl.test", DnsListKind.IpAllowList));

        _metrics.CollectObservables();

        var states = _metrics.Of("dnsbl.client.list.state").ToDictionary(m => (string)m.Tags["dnsbl.list"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["bl.test"] = 0, ["wl.test"] = 0 }, states);
    }

    private DnsblClient Create(params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        return new DnsblClient(options, _resolver, null, _time, _metrics.Factory);
    }
}
