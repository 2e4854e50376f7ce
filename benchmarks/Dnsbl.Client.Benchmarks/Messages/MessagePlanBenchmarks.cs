using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Messages;

/// <summary>
/// Issue 15: <see cref="MessageContext.ParseAsync"/> plus key planning (Received parsing, trust path, relay sets, link
/// extraction, skip list, cap) per message, against the catalogue's default list set. Target: ≤ 50 µs for 20 KB.
/// Allocation per KB is the Allocated column divided by <see cref="SizeKb"/>.
/// </summary>
[MemoryDiagnoser]
public class MessagePlanBenchmarks
{
    private static readonly MessageOptions Options = new();
    private IReadOnlyList<DnsList> _lists = [];
    private byte[] _message = [];

    [Params(4, 20)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = SampleMessage.Build(SizeKb * 1024);
        _lists =
        [
            new DnsList("zen.bl.test") { Name = "sbl", Relays = RelaySelection.AllUntrusted },
            new DnsList("zen.bl.test") { Name = "pbl", Relays = RelaySelection.LastExternal },
            new DnsList("list.dnswl.test", DnsListKind.IpAllowList) { Name = "dnswl", Relays = RelaySelection.FirstTrusted },
            new DnsList("dbl.bl.test", DnsListKind.UriBlockList) { Name = "dbl" },
            new DnsList("multi.surbl.test", DnsListKind.UriBlockList) { Name = "surbl", QueriesIpAddresses = true },
            new DnsList("rhs.bl.test", DnsListKind.DomainBlockList) { Name = "rhs", DomainSources = DomainSources.Helo | DomainSources.MailFrom | DomainSources.HeaderFrom },
        ];
    }

    [Benchmark]
    public async Task<int> ParseAndPlan()
    {
        using var stream = new MemoryStream(_message, writable: false);
        var context = await MessageContext.ParseAsync(stream);
        return MessageKeyPlanner.Plan(context, Options, _lists).Lookups.Count;
    }
}
