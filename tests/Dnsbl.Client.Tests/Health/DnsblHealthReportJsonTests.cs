using Dnsbl.Client.Dns.Protocol;
using System.Text.Json;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class DnsblHealthReportJsonTests
{
    [Fact]
    public async Task ToJson_AfterProbe_StableCamelCaseShape()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(UnlistedIpv4, DnsRecordType.A, "127.0.0.2");
        await using var monitor = Monitor(resolver, new FakeTimeProvider());
        await monitor.ProbeAllAsync();

        using var json = JsonDocument.Parse(monitor.GetReport().ToJson());

        var root = json.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("generatedAt").ValueKind);
        var list = root.GetProperty("lists")[0];
        Assert.Equal(
            ["name", "zone", "state", "enabled", "override", "reason", "disabledReason", "evidence", "lastProbe", "lastChange",
                "consecutiveFailures", "consecutiveSuccesses", "lastLatencyMs", "meanLatencyMs", "errorRate",
                "circuit", "circuitOpenedAt", "circuitRetryAt", "budget", "missing", "history"],
            list.EnumerateObject().Select(p => p.Name));
        Assert.Equal("listsEverything", list.GetProperty("state").GetString());
        Assert.Equal("none", list.GetProperty("override").GetString());
        Assert.False(list.GetProperty("enabled").GetBoolean());
        var evidence = list.GetProperty("evidence")[0];
        Assert.Equal(["queryName", "recordType", "answer", "at"], evidence.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData(ListHealthState.Unknown, "unknown")]
    [InlineData(ListHealthState.Healthy, "healthy")]
    [InlineData(ListHealthState.ListsEverything, "listsEverything")]
    [InlineData(ListHealthState.NotListingTestPoint, "notListingTestPoint")]
    [InlineData(ListHealthState.Refusing, "refusing")]
    [InlineData(ListHealthState.Dead, "dead")]
    [InlineData(ListHealthState.Unreachable, "unreachable")]
    public void Serialize_State_CamelCaseString(ListHealthState state, string expected)
    {
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(state));
    }

    [Fact]
    public async Task ToJson_Indented_SameContent()
    {
        await using var monitor = Monitor(new ScriptedResolver(), new FakeTimeProvider());
        var report = monitor.GetReport();

        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(report.ToJson()).RootElement),
            JsonSerializer.Serialize(JsonDocument.Parse(report.ToJson(indented: true)).RootElement));
    }
}
