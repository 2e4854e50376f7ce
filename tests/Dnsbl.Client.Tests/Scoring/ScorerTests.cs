using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Tests.Scoring;

public sealed class ScorerTests
{
    private static readonly DnsList Block = new("zen.example") { Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[2..11]"), 3)] };
    private static readonly DnsList BlockWithoutRules = new("bl.example");
    private static readonly DnsList Allow = new("wl.example", DnsListKind.IpAllowList);

    internal static ListOutcome Listed(DnsList list, double weight) => new()
    {
        List = list,
        Input = "192.0.2.1",
        Kind = ListOutcomeKind.Listed,
        Weight = weight,
        Codes = [IPAddress.Parse("127.0.0.2")],
        MatchedRules = list.Rules.Count > 0 ? [list.Rules[0]] : [],
    };

    internal static ListOutcome Failed(DnsList list) => new()
    {
        List = list,
        Input = "192.0.2.1",
        Kind = ListOutcomeKind.Error,
        Error = DnsblErrorKind.Timeout,
    };

    internal static ListOutcome Skipped(DnsList list) => new()
    {
        List = list,
        Input = "192.0.2.1",
        Kind = ListOutcomeKind.Skipped,
        SkipReason = "disabled: lists everything",
    };

    private static ListOutcome NotListed(DnsList list) => new() { List = list, Input = "192.0.2.1", Kind = ListOutcomeKind.NotListed };

    private static DnsblThresholds Thresholds(double reject = 5, double? tag = 2, double? allow = -1) =>
        new() { Reject = reject, Tag = tag, AllowList = allow };

    [Fact]
    public void Score_ListedOutcomes_SumTheirWeights()
    {
        var result = Scorer.Score([Listed(Block, 3), Listed(BlockWithoutRules, 1), NotListed(Allow)], Thresholds(), ErrorPolicy.Exclude);
        Assert.Equal(4, result.Score);
        Assert.Equal(DnsblVerdict.Tag, result.Verdict);
    }

    [Fact]
    public void Score_FractionalWeights_SumWithoutDrift()
    {
        var result = Scorer.Score([Listed(Block, 0.1), Listed(Block, 0.2)], Thresholds(reject: 0.3, tag: null), ErrorPolicy.Exclude);
        Assert.Equal(0.3, result.Score);
        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
    }

    [Theory]
    [InlineData(0, DnsblVerdict.Accept)]
    [InlineData(1.999, DnsblVerdict.Accept)]
    [InlineData(2, DnsblVerdict.Tag)]
    [InlineData(4.5, DnsblVerdict.Tag)]
    [InlineData(5, DnsblVerdict.Reject)]
    [InlineData(20, DnsblVerdict.Reject)]
    [InlineData(-0.5, DnsblVerdict.Accept)]
    [InlineData(-1, DnsblVerdict.AllowListed)]
    [InlineData(-3, DnsblVerdict.AllowListed)]
    public void Decide_Thresholds_AreInclusive(double score, DnsblVerdict expected) =>
        Assert.Equal(expected, Scorer.Decide(score, anyError: false, Thresholds(), ErrorPolicy.Exclude));

    [Fact]
    public void Decide_TagAndAllowListDisabled_OnlyRejectOrAccept()
    {
        Assert.Equal(DnsblVerdict.Accept, Scorer.Decide(4, false, Thresholds(tag: null, allow: null), ErrorPolicy.Exclude));
        Assert.Equal(DnsblVerdict.Accept, Scorer.Decide(-50, false, Thresholds(tag: null, allow: null), ErrorPolicy.Exclude));
    }

    [Fact]
    public void Score_AllowListHit_ShortCircuitsEvenAHighBlockScore()
    {
        var result = Scorer.Score([Listed(Allow, -10), Listed(Block, 3), Failed(BlockWithoutRules)], Thresholds(), ErrorPolicy.Defer);
        Assert.Equal(-7, result.Score);
        Assert.Equal(DnsblVerdict.AllowListed, result.Verdict);
    }

    [Fact]
    public void Score_ExcludePolicy_ErrorsAddNothing()
    {
        var result = Scorer.Score([Failed(Block), Failed(BlockWithoutRules)], Thresholds(), ErrorPolicy.Exclude);
        Assert.Equal(0, result.Score);
        Assert.Equal(2, result.ErrorCount);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
    }

    [Fact]
    public void Score_IncludePolicy_FailedBlockListsAddTheirFirstRuleWeight()
    {
        var result = Scorer.Score([Failed(Block), Failed(BlockWithoutRules)], Thresholds(), ErrorPolicy.Include);
        Assert.Equal(4, result.Score);
        Assert.Equal(4, result.IncludedErrorWeight);
        Assert.Equal(DnsblVerdict.Tag, result.Verdict);
    }

    [Fact]
    public void Score_IncludePolicy_FailedAllowListsAddNothing()
    {
        var result = Scorer.Score([Failed(Allow)], Thresholds(), ErrorPolicy.Include);
        Assert.Equal(0, result.Score);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
    }

    [Fact]
    public void Score_DeferPolicy_ErrorDefersANonRejectingVerdict()
    {
        Assert.Equal(DnsblVerdict.Defer, Scorer.Score([Failed(Block)], Thresholds(), ErrorPolicy.Defer).Verdict);
        Assert.Equal(DnsblVerdict.Defer, Scorer.Score([Failed(Block), Listed(Block, 3)], Thresholds(), ErrorPolicy.Defer).Verdict);
    }

    [Fact]
    public void Score_DeferPolicy_RejectStillWins() =>
        Assert.Equal(DnsblVerdict.Reject, Scorer.Score([Failed(Allow), Listed(Block, 6)], Thresholds(), ErrorPolicy.Defer).Verdict);

    [Fact]
    public void Score_DeferPolicy_SkippedListsDoNotDefer()
    {
        var result = Scorer.Score([Skipped(Block)], Thresholds(), ErrorPolicy.Defer);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void Score_NoOutcomes_IsAcceptWithZero()
    {
        var result = Scorer.Score([], new DnsblThresholds(), ErrorPolicy.Exclude);
        Assert.Equal(0, result.Score);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
    }

    [Fact]
    public void Score_DefaultThresholds_OneListingRejects() =>
        Assert.Equal(DnsblVerdict.Reject, Scorer.Score([Listed(BlockWithoutRules, 1)], new DnsblThresholds(), ErrorPolicy.Exclude).Verdict);

    [Fact]
    public void Score_AllocatesNothing()
    {
        IReadOnlyList<ListOutcome> outcomes = [Listed(Block, 3), Failed(BlockWithoutRules), Listed(Allow, -1)];
        var thresholds = Thresholds();
        Scorer.Score(outcomes, thresholds, ErrorPolicy.Include);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Scorer.Score(outcomes, thresholds, ErrorPolicy.Include);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
