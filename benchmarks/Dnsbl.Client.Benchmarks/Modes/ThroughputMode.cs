using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing.Zones;
using Dnsbl.Client.Testing;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--throughput prepare --dir D [--entries N]</c> writes the zone and the dnsperf query file;
/// <c>--throughput run [--server 127.0.0.1:P] [--seconds S] [--warmup S] [--stages transport,resolver,dnsclient,client] [--concurrency C] [--entries N] [--rounds R] [--dnsperf-qps Q | --dnsperf-args "…"]</c>
/// floods the server with the same names through the shared-socket transport, then through <see cref="DnsblClient"/>
/// (cache off; the default two attempts, so a datagram lost under load is asked again), and prints both rates, answers lost, sockets and memory before/after. Without --server it serves the
/// zone from the in-process server (the CI smoke). Each stage is warmed up first; then each of R rounds runs dnsperf
/// (with --dnsperf-args) and every stage once, printing the round's ratios, and finally their medians. Exit code 1 when
/// an answer was lost or sockets grew in one of the library's stages (the dnsclient stage, DnsClient.NET, is reported only).
/// </summary>
internal static partial class ThroughputMode
{
    // True while warming up: lost answers are not shown then.
    private static volatile bool s_quiet;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new ModeArguments(args);
        var entries = arguments.Integer("entries", 100_000);
        if (args.FirstOrDefault() == "prepare")
        {
            BenchmarkZone.Write(arguments.Text("dir") ?? throw new ArgumentException("--dir is required"), entries);
            return 0;
        }

        var seconds = arguments.Number("seconds", 10);
        var concurrency = arguments.Integer("concurrency", 256);
        InProcessDnsServer? inProcess = null;
        IPEndPoint server;
        if (arguments.Text("server") is { } text)
        {
            server = IPEndPoint.Parse(text);
        }
        else
        {
            var zones = new ZoneSet().Add(BenchmarkZone.Zone, ZoneDatasetType.Ip4Set, BenchmarkZone.ZoneData(entries));
            inProcess = await InProcessDnsServer.StartAsync(zones, new InProcessDnsServerOptions { EnableTcp = false });
            server = inProcess.EndPoint;
        }

        try
        {
            var warmup = arguments.Number("warmup", 1);
            var rounds = arguments.Integer("rounds", 1);
            var stages = (arguments.Text("stages") ?? "transport,resolver,dnsclient,client").Split(',');
            var names = Enumerable.Range(0, 2 * entries).Select(BenchmarkZone.QueryName).ToArray();
            var addresses = Enumerable.Range(0, 2 * entries).Select(BenchmarkZone.QueriedAddress).ToArray();
            var floods = new List<(string Label, Func<double, Task<(long, long)>> Flood)>();
            if (stages.Contains("transport"))
            {
                floods.Add(("transport", window => TransportFloodAsync(server, names, concurrency, window)));
            }

            if (stages.Contains("resolver"))
            {
                floods.Add(("resolver", window => ResolverFloodAsync(server, names, concurrency, window)));
            }

            if (stages.Contains("dnsclient"))
            {
                floods.Add(("dnsclient", window => DnsClientNetFloodAsync(server, names, concurrency, window)));
            }

            if (stages.Contains("client"))
            {
                floods.Add(("client", window => ClientFloodAsync(server, addresses, concurrency, window)));
            }

            foreach (var (label, flood) in floods)
            {
                await WarmUpAsync(label, warmup, flood);
            }

            var healthy = true;
            var ratios = floods.ToDictionary(f => f.Label, _ => new List<double>());
            var cpuRatios = floods.ToDictionary(f => f.Label, _ => new List<double>());
            for (var round = 1; round <= rounds; round++)
            {
                // dnsperf right before the library's floods of the same round: the VM's speed drifts by tens of percent
                // within minutes, so only neighbouring measurements make a fair ratio.
                var (dnsperf, dnsperfCpu) = arguments.Text("dnsperf-args") is { } dnsperfArguments
                    ? await DnsperfRun.RunAsync(dnsperfArguments)
                    : (arguments.Number("dnsperf-qps", 0), double.NaN);
                var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"round {round}: dnsperf {dnsperf:0} q/s, {dnsperfCpu:0.0} us CPU per answer");
                foreach (var (label, flood) in floods)
                {
                    var report = await MeasureAsync(label, seconds, server.Port, flood);
                    healthy &= report.Healthy || label == "dnsclient"; // the exit code judges our library; DnsClient.NET is only measured
                    ratios[label].Add(report.Rate / dnsperf);
                    cpuRatios[label].Add(report.CpuMicrosecondsPerAnswer / dnsperfCpu);
                    line.Append(CultureInfo.InvariantCulture, $"; {label}/dnsperf = {report.Rate / dnsperf:0.00} (CPU per answer {report.CpuMicrosecondsPerAnswer:0.0} us = {report.CpuMicrosecondsPerAnswer / dnsperfCpu:0.00}x dnsperf's)");
                }

                if (dnsperf > 0)
                {
                    Console.WriteLine(line);
                }
            }

            if (rounds > 1 && ratios.Values.All(r => r.All(double.IsFinite)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"median of {rounds} rounds: {string.Join("; ", ratios.Select(r => $"{r.Key}/dnsperf = {Median(r.Value):0.00}"))} (target for the client >= 0.70)"));
            }

            if (rounds > 1 && cpuRatios.Values.All(r => r.All(double.IsFinite)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"median CPU per answer / dnsperf's, same rounds: {string.Join("; ", cpuRatios.Select(r => $"{r.Key} {Median(r.Value):0.00}x"))} (target for the client <= 1.5x)"));
            }

            return healthy ? 0 : 1;
        }
        finally
        {
            if (inProcess is not null)
            {
                await inProcess.DisposeAsync();
            }
        }
    }

    // Warm-up floods first (their own instances, results discarded), one slice of `warmup` seconds after another
    // until a slice compiles almost nothing new: dnsperf is compiled C, and a mail server runs for days, so what counts
    // is the library's steady state. Tier-1 rejits of the hot path go on for several seconds after start-up (the
    // tiering thread was a third of a core busy in seconds 1-4 of a profiled run) and would otherwise be measured.
    private static async Task WarmUpAsync(string label, double warmup, Func<double, Task<(long InWindow, long Lost)>> flood)
    {
        const int MaxWarmupSlices = 12, SettledWhenFewerNewMethods = 10;
        var slices = 0;
        s_quiet = true;
        while (warmup > 0 && slices < MaxWarmupSlices)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            await flood(warmup);
            slices++;
            if (JitInfo.GetCompiledMethodCount() - compiledBefore < SettledWhenFewerNewMethods)
            {
                break;
            }
        }

        s_quiet = false;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: warmed up for {slices * warmup:0.#} s (until a {warmup:0.#} s slice compiled fewer than {SettledWhenFewerNewMethods} methods, at most {MaxWarmupSlices} slices)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<FloodReport> MeasureAsync(string label, double seconds, int serverPort, Func<double, Task<(long InWindow, long Lost)>> flood)
    {
        using var sampler = Environment.GetEnvironmentVariable("DNSBL_SAMPLE_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        sampler?.Start();
        var socketsBefore = OpenDescriptors();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var dropsBefore = UdpDrops.Read(serverPort);
        var clock = Stopwatch.StartNew();
        var (answered, lost) = await flood(seconds);
        var elapsed = clock.Elapsed.TotalSeconds; // the window plus the wait for the last answers (or their timeouts)
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
        var drops = UdpDrops.Read(serverPort) - dropsBefore;
        foreach (var (type, share) in sampler?.Stop().Take(25) ?? [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {share:P1} {type}"));
        }

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var socketsAfter = OpenDescriptors();
        var report = new FloodReport(answered / seconds, lost, socketsAfter - socketsBefore, drops, cpu * 1e6 / Math.Max(1, answered));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {report.Rate:0} q/s ({answered} answered within the {seconds:0.#} s window; drained after {elapsed:0.0} s), lost {lost} (queries the server dropped at its full receive buffer: {drops.AtServer}; datagrams dropped elsewhere: {drops.Elsewhere}), process CPU {cpu:0.0} s = {cpu * 1e6 / Math.Max(1, answered):0.0} us per answer, {allocated / Math.Max(1, answered):0} B allocated and {(double)workItems / Math.Max(1, answered):0.00} thread-pool work items per answer ({collections} gen0 GCs), sockets {socketsBefore} -> {socketsAfter}, managed memory {memoryBefore / 1024} KiB -> {memoryAfter / 1024} KiB"));
        return report;
    }

    private static async Task<(long, long)> TransportFloodAsync(IPEndPoint server, string[] names, int concurrency, double seconds)
    {
        await using var transport = new DnsTransport(TimeProvider.System);
        return await FloodAsync(
            names.Length,
            concurrency,
            seconds,
            index => transport.ExchangeAsync(new DnsQuestion(names[index], DnsRecordType.A), server, TimeSpan.FromSeconds(2), CancellationToken.None),
            static (_, result) => result.Status == DnsExchangeStatus.Response,
            static result => result.Status.ToString());
    }

    // The client's resolver alone (stub resolver, response mapping, failover; no list, no check): splits the gap
    // between the transport and the client into the resolver's share and the check's.
    private static async Task<(long, long)> ResolverFloodAsync(IPEndPoint server, string[] names, int concurrency, double seconds)
    {
        await using var resolver = Resilience.ResolverFactory.Create([server.ToString()], TimeSpan.FromSeconds(1), attempts: 2, useCaseRandomization: false, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return await FloodAsync(
            names.Length,
            concurrency,
            seconds,
            index => resolver.ResolveAsync(new DnsQuestion(names[index], DnsRecordType.A), CancellationToken.None),
            static (_, result) => result.Status is DnsLookupStatus.Answered or DnsLookupStatus.NameError,
            static result => $"{result.Status} ({result.Detail})");
    }

    private static async Task<(long, long)> ClientFloodAsync(IPEndPoint server, IPAddress[] addresses, int concurrency, double seconds)
    {
        var options = new DnsblOptions { Lists = [new DnsList(BenchmarkZone.Zone)], Nameservers = [server.ToString()], AttemptTimeout = TimeSpan.FromSeconds(1), Attempts = 2 };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        await using var client = new DnsblClient(options);
        return await FloodAsync(
            addresses.Length,
            concurrency,
            seconds,
            index => client.CheckAsync(addresses[index]),
            static (index, result) => result.Lists[0].Kind == (index % 2 == 0 ? ListOutcomeKind.Listed : ListOutcomeKind.NotListed),
            static result => result.Lists[0].ToString());
    }

    /// <summary>
    /// <paramref name="concurrency"/> callers each asking the next index as soon as their previous question is
    /// answered, for <paramref name="seconds"/>: answers counted inside the window, and lost ones (the first three shown).
    /// </summary>
    // ask returns the library's own ValueTask (no async wrapper), so the flood adds no allocation or state machine per query.
    private static async Task<(long Answered, long Lost)> FloodAsync<TResult>(
        int count, int concurrency, double seconds, Func<int, ValueTask<TResult>> ask, Func<int, TResult, bool> isAnswer, Func<TResult, string> describe,
        Func<Exception, bool>? isLostAnswer = null)
    {
        var next = -1L;
        long answered = 0, lost = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        async Task WorkerAsync()
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var index = (int)(Interlocked.Increment(ref next) % count);
                TResult result;
                try
                {
                    result = await ask(index);
                }
                catch (Exception e) when (isLostAnswer?.Invoke(e) == true)
                {
                    // A library that reports a timeout by throwing (DnsClient.NET): a lost answer like any other.
                    if (Interlocked.Increment(ref lost) <= 3 && !s_quiet)
                    {
                        Console.WriteLine($"  not answered: {e.Message}");
                    }

                    continue;
                }

                if (!isAnswer(index, result))
                {
                    if (Interlocked.Increment(ref lost) <= 3 && !s_quiet)
                    {
                        Console.WriteLine($"  not answered: {describe(result)}");
                    }
                }
                else if (Stopwatch.GetTimestamp() <= stopAt)
                {
                    Interlocked.Increment(ref answered);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        return (answered, lost);
    }

    // Open sockets of this process (other descriptors, e.g. the runtime's epoll and pipes, vary with threads).
    private static int OpenDescriptors() =>
        new DirectoryInfo("/proc/self/fd").GetFiles().Count(f => f.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);

    private sealed record FloodReport(double Rate, long Lost, int DescriptorGrowth, UdpDrops Drops, double CpuMicrosecondsPerAnswer)
    {
        // A socket per flood is kept by the transport while it lives; after dispose nothing may remain. An answer counts
        // as lost by the library unless the server dropped at least as many queries (each lost answer was asked, and
        // dropped, on every attempt) and no reply was dropped at this process's sockets.
        public bool Healthy => DescriptorGrowth <= 0 && (Lost == 0 || (Drops.Elsewhere == 0 && Lost <= Drops.AtServer));
    }
}
