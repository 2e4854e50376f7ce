using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>Fail-open made visible (issues 13 and 16): a list skipped by its open circuit shows in the report, IHealthCheck, logs, metrics and the result.</summary>
public sealed class DnsblClientFailOpenVisibilityTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly ScriptedResolver _resolver = new ScriptedResolver().Status("2.0.0.127.dead.test", DnsRecordType.A, DnsLookupStatus.Timeout);
    private readonly CapturedLogs _logs = new();
    private readonly MetricsRecorder _metrics = new();

    public void Dispose()
    {
        _logs.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task CheckAsync_CircuitOpens_ReportHealthCheckLogAndMetricsSayTheListIsMissing()
    {
        await using var client = Create();
        await FailUntilOpenAsync(client);

        var result = await client.CheckAsync(Address);
        var report = client.Health.GetReport();
        var health = await new DnsblHealthCheck(client.Health).CheckHealthAsync(new HealthCheckContext());

        Assert.True(result.IsDegraded);
        var dead = report.Lists[0];
        Assert.Equal((ListCircuitState.Open, true, true), (dead.Circuit, dead.Enabled, dead.Missing));
        Assert.Equal(_time.GetUtcNow() + ResilienceConstants.BreakDuration, dead.CircuitRetryAt);
        Assert.Equal("0 lists healthy, 0 disabled, 1 circuit open — accepting with 1 lists missing", report.Summary.Text);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("accepting with 1 lists missing", health.Description, StringComparison.Ordinal);
        Assert.Contains("circuit open until", (string)health.Data["dead.test"], StringComparison.Ordinal);
        var opened = Assert.Single(_logs.Records, r => r.Id.Name == "ListCircuitOpened");
        Assert.Equal((5, LogLevel.Warning), (opened.Id.Id, opened.Level));
        Assert.Contains("dead.test", opened.Message, StringComparison.Ordinal);
        Assert.Equal("open", Assert.Single(_metrics.Of("dnsbl.client.circuit.changes")).Tags["dnsbl.circuit.state"]);
        Assert.Equal("circuitOpen", Assert.Single(_metrics.Of("dnsbl.client.skipped")).Tags["dnsbl.skip.reason"]);
        Assert.Equal("skipped", Assert.Single(_metrics.Of("dnsbl.client.checks.degraded")).Tags["dnsbl.degraded.reason"]);
        _metrics.CollectObservables();
        Assert.Equal(1, _metrics.Of("dnsbl.client.list.circuit").Single(m => (string?)m.Tags["dnsbl.list"] == "dead.test").Value);
        Assert.Equal(1, _metrics.Of("dnsbl.client.list.missing").Single(m => (string?)m.Tags["dnsbl.list"] == "dead.test").Value);
    }

    [Fact]
    public async Task CheckAsync_TrialAfterTheBreakAnswers_CircuitClosedInReportHistoryAndLog()
    {
        await using var client = Create();
        await FailUntilOpenAsync(client);
        _resolver.Listed("2.0.0.127.dead.test", 60, "127.0.0.2");
        _time.Advance(ResilienceConstants.BreakDuration);

        var trial = await client.CheckAsync(Address);

        Assert.False(trial.IsDegraded);
        var dead = client.Health.GetReport(includeHistory: true).Lists[0];
        Assert.Equal((ListCircuitState.Closed, false, null), (dead.Circuit, dead.Missing, dead.CircuitRetryAt));
        Assert.Equal([ListCircuitState.Open, ListCircuitState.Closed], dead.History!.Changes.Select(c => c.Circuit));
        Assert.All(dead.History.Changes, c => Assert.Equal("circuit", c.Source));
        Assert.Single(_logs.Records, r => r.Id.Name == "ListCircuitClosed");
        Assert.Equal(["open", "closed"], _metrics.Of("dnsbl.client.circuit.changes").Select(m => (string?)m.Tags["dnsbl.circuit.state"]));
    }

    [Fact]
    public async Task CheckAsync_ListedCachedAndFailed_CountedPerMinuteInTheHistory()
    {
        _resolver.Listed("2.0.0.127.dead.test", 60, "127.0.0.2");
        await using var client = Create();

        await client.CheckAsync(Address);
        await client.CheckAsync(Address);
        await client.CheckAsync(IPAddress.Parse("127.0.0.3"));
        _resolver.Status("4.0.0.127.dead.test", DnsRecordType.A, DnsLookupStatus.ServerFailure);
        await client.CheckAsync(IPAddress.Parse("127.0.0.4"));

        var minute = Assert.Single(client.Health.GetReport(includeHistory: true).Lists[0].History!.Minutes);
        Assert.Equal((1, 1, 1), (minute.Listed, minute.FromCache, minute.NotListed));
        Assert.Equal(new Dictionary<string, int> { ["ServerFailure"] = 1 }, minute.Errors);
    }

    [Fact]
    public async Task CheckAsync_ListDisabledByOperator_SkippedAsDisabledInMetricsHistoryAndResult()
    {
        await using var client = Create();
        client.Health.ForceDisable("dead.test", "maintenance");

        var result = await client.CheckAsync(Address);

        Assert.True(result.IsDegraded);
        Assert.Equal("disabled", Assert.Single(_metrics.Of("dnsbl.client.skipped")).Tags["dnsbl.skip.reason"]);
        Assert.Equal(1, Assert.Single(client.Health.GetReport(includeHistory: true).Lists[0].History!.Minutes).SkippedDisabled);
    }

    [Fact]
    public async Task CheckAsync_ListMissesTheDeadline_CountedAsDeadlineExceededAndDegraded()
    {
        _resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = Create();

        var check = client.CheckAsync(Address).AsTask();
        await _resolver.NextQuestion.Task;
        _time.Advance(new DnsblOptions().Deadline);
        var result = await check;
        _resolver.Gate.SetResult();

        Assert.True(result.IsDegraded);
        Assert.Equal(["dead.test", "bl.test"], result.MissingLists);
        var minute = Assert.Single(client.Health.GetReport(includeHistory: true).Lists[0].History!.Minutes);
        Assert.Equal(1, minute.Errors["DeadlineExceeded"]);
        Assert.Equal("deadline", Assert.Single(_metrics.Of("dnsbl.client.checks.degraded")).Tags["dnsbl.degraded.reason"]);
    }

    private DnsblClient Create()
    {
        // A second list that answers, so one missing list is Degraded rather than Unhealthy (all missing).
        var options = new DnsblOptions { Lists = [new DnsList("dead.test"), new DnsList("bl.test")] };
        options.Health.Enabled = false;
        options.Cache.MinimumTtl = TimeSpan.FromSeconds(60);
        return new DnsblClient(options, _resolver, _logs.Factory, _time, _metrics.Factory);
    }

    private static async Task FailUntilOpenAsync(DnsblClient client)
    {
        for (var i = 0; i < ResilienceConstants.MinimumThroughput; i++)
        {
            Assert.Equal(ListOutcomeKind.Error, (await client.CheckAsync(Address)).Lists[0].Kind);
        }
    }
}
