using System.Diagnostics;
using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// Every fault a nameserver (or someone pretending to be one) can produce, through the public API: no exception
/// escapes, no check outlives its deadline, an error is never a listing, and the error kind says what went wrong.
/// The input 127.0.0.2 IS listed in the zone, so any cell that wrongly trusted a broken answer would show a listing.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Zone = "bl.test";
    private const string QueryName = "2.0.0.127.bl.test";
    private static readonly IPAddress Listed = IPAddress.Parse("127.0.0.2");
    private static readonly byte[] Code = [127, 0, 0, 2];
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);

    // A cell whose server does answer (the fault is in the answer) waits longer: the answer comes at once, so this costs no
    // time, but on a loaded machine an in-process reply can take more than 500 ms to be read, which read as a Timeout.
    private static readonly TimeSpan AnsweredAttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(2500);

    // Scheduling slack on a loaded 2-core machine; a hang would blow far past it.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    public static TheoryData<string> CellNames => [.. FaultCells.All.Keys];

    [Theory]
    [MemberData(nameof(CellNames))]
    public async Task CheckAsync_FaultCell_ReportsDefinedOutcomeWithinDeadline(string cellName)
    {
        var cell = FaultCells.All[cellName];
        await using var server = await InProcessDnsServer.StartAsync(
            new ZoneSet().Add(Zone, ZoneDatasetType.Ip4Set, ":127.0.0.2:Listed\n127.0.0.2\n"),
            new InProcessDnsServerOptions { OnQuery = cell.OnQuery, EnableTcp = cell.EnableTcp });
        var deadline = cell.Deadline ?? Deadline;
        var options = new DnsblOptions
        {
            Lists = [new DnsList(Zone)],
            Nameservers = [$"127.0.0.1:{server.EndPoint.Port}"],
            AttemptTimeout = cell.AttemptTimeout ?? (cell.Error == DnsblErrorKind.Timeout ? AttemptTimeout : AnsweredAttemptTimeout),
            Attempts = 1,
            Deadline = deadline,
        };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        await using var client = new DnsblClient(options);

        var watch = Stopwatch.StartNew();
        var result = await client.CheckAsync(Listed).AsTask().WaitAsync(deadline + Slack + Slack);
        watch.Stop();

        var outcome = Assert.Single(result.Lists);
        Assert.True(watch.Elapsed <= deadline + Slack, $"{cellName} took {watch.Elapsed}, deadline {deadline}");
        Assert.True(cell.Kind == outcome.Kind && cell.Error == outcome.Error, $"{cellName}: expected {cell.Kind}/{cell.Error}, got {outcome.Kind}/{outcome.Error} ({outcome.ErrorDetail})");
        if (cell.Kind == ListOutcomeKind.Error)
        {
            Assert.Equal(0, outcome.Weight);
            Assert.Empty(outcome.MatchedRules);
            Assert.Equal(0, result.Score);
            Assert.NotEqual(DnsblVerdict.Reject, result.Verdict);
        }

        if (cell.Kind == ListOutcomeKind.Listed)
        {
            Assert.Contains(Listed, outcome.Codes);
        }

        Assert.Null(server.LastHookError);
    }

    [Fact]
    public void FaultCells_CoverTheWholeMatrix_AtLeastTwentyTwoCells()
    {
        Assert.True(FaultCells.All.Count >= 22, $"only {FaultCells.All.Count} cells");
        Assert.Contains(FaultCells.All.Values, c => c.Kind == ListOutcomeKind.Listed);
        Assert.Contains(FaultCells.All.Values, c => c.Error == DnsblErrorKind.MalformedResponse);
        Assert.Contains(FaultCells.All.Values, c => c.Error == DnsblErrorKind.DeadlineExceeded);
        _ = QueryName;
        _ = Code;
    }

    internal static string Name => QueryName;

    internal static byte[] ListingCode => Code;
}
