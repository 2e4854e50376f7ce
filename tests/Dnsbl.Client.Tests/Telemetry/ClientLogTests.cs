using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Client;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Telemetry;

public sealed class ClientLogTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly ScriptedResolver _resolver = new();

    [Fact]
    public async Task CheckAsync_ServerFailure_LogsLookupFailedAtDebug()
    {
        _resolver.Status("2.0.0.127.bl.test", DnsRecordType.A, DnsLookupStatus.ServerFailure);
        await using var client = Create(new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var entry = Assert.Single(ClientEntries());
        Assert.Equal((100, "LookupFailed", LogLevel.Debug), (entry.Id.Id, entry.Id.Name, entry.Level));
        Assert.StartsWith($"Lookup in bl.test failed: {result.Lists[0].Error} (", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OperatorRefusalCode_LogsWarning()
    {
        _resolver.Listed("2.0.0.127.bl.test", 300, "127.255.255.254");
        await using var client = Create(new DnsList("bl.test"));

        await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var entry = Assert.Single(ClientEntries());
        Assert.Equal((101, "OperatorRefusal", LogLevel.Warning), (entry.Id.Id, entry.Id.Name, entry.Level));
        Assert.StartsWith("bl.test answered with an operator refusal code", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconfigure_NewLists_LogsReconfigured()
    {
        await using var client = Create(new DnsList("bl.test"));

        client.Reconfigure(Options(new DnsList("bl.test"), new DnsList("other.test")));

        var entry = Assert.Single(ClientEntries());
        Assert.Equal((102, "Reconfigured", LogLevel.Information), (entry.Id.Id, entry.Id.Name, entry.Level));
        Assert.Equal("DNS list configuration reloaded: 2 lists", entry.Message);
    }

    private IEnumerable<FakeLogRecord> ClientEntries() => _logs.Of<DnsblClient>();

    private static DnsblOptions Options(params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        return options;
    }

    private DnsblClient Create(params DnsList[] lists) => new(Options(lists), _resolver, _logs.Factory, new FakeTimeProvider(), null);

    public void Dispose() => _logs.Dispose();
}
