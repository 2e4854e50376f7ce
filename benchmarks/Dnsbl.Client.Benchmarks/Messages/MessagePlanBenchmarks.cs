using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Messages;

/// <summary>
/// Issue 15: <see cref="MessageContext.ParseAsync"/> plus key planning (Received parsing, trust path, relay sets, link
/// extraction, skip list, cap) per message, against the catalogue's default list set. Target: ≤ 50 µs for 20 KB.
/// Allocation per KB is the Allocated column divided by <see cref="SizeKb"/>. <see cref="Corpus"/> parses every message
/// of the key-oracle corpus once per operation and reports the mean per message; the per-message median is
/// <c>--message-plan</c>'s (benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
public class MessagePlanBenchmarks
{
    private static readonly MessageOptions Options = new();
    private IReadOnlyList<DnsList> _lists = [];
    private byte[] _message = [];
    private byte[][] _corpus = [];

    [Params(4, 20)]
    public int SizeKb { get; set; }

    /// <summary>The lists a message is planned against: relay sets, DNSWL, URI lists (one asking IP links), a domain list.</summary>
    internal static IReadOnlyList<DnsList> DefaultLists() =>
    [
        new DnsList("zen.bl.test") { Name = "sbl", Relays = RelaySelection.AllUntrusted },
        new DnsList("zen.bl.test") { Name = "pbl", Relays = RelaySelection.LastExternal },
        new DnsList("list.dnswl.test", DnsListKind.IpAllowList) { Name = "dnswl", Relays = RelaySelection.FirstTrusted },
        new DnsList("dbl.bl.test", DnsListKind.UriBlockList) { Name = "dbl" },
        new DnsList("multi.surbl.test", DnsListKind.UriBlockList) { Name = "surbl", QueriesIpAddresses = true },
        new DnsList("rhs.bl.test", DnsListKind.DomainBlockList) { Name = "rhs", DomainSources = DomainSources.Helo | DomainSources.MailFrom | DomainSources.HeaderFrom },
    ];

    internal static async Task<int> ParseAndPlanAsync(byte[] message, IReadOnlyList<DnsList> lists)
    {
        using var stream = new MemoryStream(message, writable: false);
        var context = await MessageContext.ParseAsync(stream);
        return MessageKeyPlanner.Plan(context, Options, lists).Lookups.Count;
    }

    [GlobalSetup]
    public void Setup()
    {
        _message = SampleMessage.Build(SizeKb * 1024);
        _lists = DefaultLists();
        // The first CorpusSize messages in file order: the corpus grows with the oracle's, the benchmark's set stays put.
        _corpus = [.. CorpusMessages.Files(CorpusMessages.DefaultDirectory()).Take(CorpusSize).Select(File.ReadAllBytes)];
        if (_corpus.Length != CorpusSize)
        {
            throw new InvalidOperationException($"the corpus has {_corpus.Length} messages, fewer than the {CorpusSize} measured");
        }
    }

    [Benchmark]
    public Task<int> ParseAndPlan() => ParseAndPlanAsync(_message, _lists);

    /// <summary>The first 58 corpus messages once each; the reported time is per message.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public async Task<int> Corpus()
    {
        var lookups = 0;
        foreach (var message in _corpus)
        {
            lookups += await ParseAndPlanAsync(message, _lists);
        }

        return lookups;
    }

    // OperationsPerInvoke must be a constant: the first 58 messages (the corpus when the benchmark was written).
    private const int CorpusSize = 58;
}
