using BenchmarkDotNet.Running;
using Dnsbl.Client.Benchmarks.Modes;

// Console modes besides BenchmarkDotNet: --throughput, --memory, --soak, --hotpath, --policy, --message-plan, --message-plan-ab, --received, --messages-cached (see benchmarks/README.md).
return args.FirstOrDefault() switch
{
    "--throughput" => await ThroughputMode.RunAsync(args[1..]),
    "--memory" => MemoryMode.Run(args[1..]),
    "--soak" => await SoakMode.RunAsync(args[1..]),
    "--hotpath" => await HotPathMode.RunAsync(args[1..]),
    "--policy" => await PolicyMode.RunAsync(args[1..]),
    "--message-plan" => await MessagePlanMode.RunAsync(args[1..]),
    "--message-plan-ab" => await InterleavedPlanMode.RunAsync(args[1..]),
    "--received" => ReceivedParseMode.Run(args[1..]),
    "--messages-cached" => await CachedMessagesMode.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
