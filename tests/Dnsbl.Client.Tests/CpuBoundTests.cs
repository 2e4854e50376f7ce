namespace Dnsbl.Client.Tests;

/// <summary>
/// Tests that keep a core busy for seconds (the wire-parser fuzzers, the differential tests of the message scanners and
/// of the Received rules, the SpamAssassin import of every shipped file) run alone, after the parallel collections: run
/// beside them on a 2-core machine they starved the fault-matrix cells, whose real attempt timeouts then expired.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuBoundTests
{
    public const string Name = "CPU-bound";
}
