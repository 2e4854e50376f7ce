using System.Globalization;
using System.Net;
using Dnsbl.Client.Answers;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Lookups;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--memory [--entries N]</c>: fills <see cref="OutcomeCache"/> with N answers the way lookups do (ten lists,
/// N / 10 distinct IPv4 addresses, 5 % listed with a code, the rest NXDOMAIN) and prints the managed bytes per entry.
/// Target: 1,000,000 entries in ≤ 200 MB.
/// </summary>
internal static class MemoryMode
{
    private const int ListCount = 10;

    public static int Run(string[] args)
    {
        var entries = new ModeArguments(args).Integer("entries", 1_000_000);
        var lists = Enumerable.Range(0, ListCount).Select(i => new DnsList($"bl{i}.bench.test")).ToArray();
        var listedCode = new DnsRecord("x", DnsRecordType.A, 300) { Address = IPAddress.Parse("127.0.0.2") };
        var name = new char[256];

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cache = new OutcomeCache(ListCount, new TtlPolicy(TimeSpan.FromSeconds(60), TimeSpan.FromDays(1)), entries + 1, TimeProvider.System);
        for (var i = 0; i < entries / ListCount; i++)
        {
            var key = QueryKey.FromAddress(new IPAddress((long)(uint)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((10u << 24) + (uint)i)));
            // As the client does: one cache key (the reversed address) per check, shared by the entries of every list.
            var cacheKey = key.WriteCacheKey(new char[QueryKey.MaxAddressCacheKeyLength]).ToString();
            for (var slot = 0; slot < ListCount; slot++)
            {
                key.TryFormat(lists[slot].Zone, name, out var written);
                var queryName = new string(name, 0, written);
                var listed = (i * ListCount + slot) % 20 == 0;
                var result = new DnsLookupResult
                {
                    Question = new DnsQuestion(queryName, DnsRecordType.A),
                    Status = listed ? DnsLookupStatus.Answered : DnsLookupStatus.NameError,
                    Answers = listed ? [listedCode] : [],
                    TimeToLive = TimeSpan.FromSeconds(300),
                };
                var answer = ListAnswerInterpreter.Interpret(lists[slot], result);
                var outcome = OutcomeFactory.FromAnswer(lists[slot], key.Display, queryName, answer, [], TimeSpan.FromMilliseconds(3));
                cache.Set(slot, cacheKey, outcome, answer.TimeToLive);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytes = after - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cache: {cache.Count} entries, {bytes / (1024.0 * 1024.0):0.0} MiB managed, {(double)bytes / cache.Count:0} bytes per entry (target: 1,000,000 in <= 200 MB)"));
        GC.KeepAlive(cache);
        return 0;
    }
}
