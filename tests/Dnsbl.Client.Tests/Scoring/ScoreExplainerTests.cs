using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Tests.Scoring;

public sealed class ScoreExplainerTests
{
    private static readonly DnsList Zen = DnsList.Parse("zen.spamhaus.org=127.0.0.[2..11]*3");
    private static readonly DnsList Allow = new("wl.example", DnsListKind.IpAllowList);

    [Fact]
    public void Explain_ListedOutcome_NamesListCodeRuleAndWeight()
    {
        IReadOnlyList<ListOutcome> outcomes = [ScorerTests.Listed(Zen, 3)];
        var result = Scorer.Score(outcomes, new DnsblThresholds(), ErrorPolicy.Exclude);
        Assert.Equal(
            ["zen.spamhaus.org listed 127.0.0.2 (rule 127.0.0.[2..11]) +3", "score +3: Reject"],
            ScoreExplainer.Explain(outcomes, result, ErrorPolicy.Exclude));
    }

    [Fact]
    public void Explain_SeveralMatchedRules_OneLineEachWithNamesPreferred()
    {
        var black = new ReturnCodeRule(ReturnCodeFilter.AnyBits(2), 5) { Name = "URIBL_BLACK" };
        var grey = new ReturnCodeRule(ReturnCodeFilter.AnyBits(4), 0.5);
        var list = new DnsList("uribl.example", DnsListKind.UriBlockList) { Rules = [black, grey] };
        var outcome = new ListOutcome
        {
            List = list,
            Input = "spam.example",
            Kind = ListOutcomeKind.Listed,
            Codes = [IPAddress.Parse("127.0.0.6")],
            MatchedRules = [black, grey],
            Weight = 5.5,
        };
        var result = Scorer.Score([outcome], new DnsblThresholds(), ErrorPolicy.Exclude);
        Assert.Equal(
            ["uribl.example listed 127.0.0.6 (rule URIBL_BLACK) +5", "uribl.example listed 127.0.0.6 (rule anybits:0x4) +0.5", "score +5.5: Reject"],
            ScoreExplainer.Explain([outcome], result, ErrorPolicy.Exclude));
    }

    [Fact]
    public void Explain_IncludedErrors_SayWhatTheyCountedAndThatAllowListsNeverCount()
    {
        IReadOnlyList<ListOutcome> outcomes = [ScorerTests.Failed(Zen), ScorerTests.Failed(Allow), ScorerTests.Skipped(Zen)];
        var result = Scorer.Score(outcomes, new DnsblThresholds(), ErrorPolicy.Include);
        var lines = ScoreExplainer.Explain(outcomes, result, ErrorPolicy.Include);
        Assert.Equal("zen.spamhaus.org error Timeout for 192.0.2.1: counted as listed +3 (error policy Include)", lines[0]);
        Assert.Equal("wl.example error Timeout for 192.0.2.1: not counted (allow-list errors are never included)", lines[1]);
        Assert.Equal("zen.spamhaus.org skipped (disabled: lists everything)", lines[2]);
        Assert.Equal("score +3: Reject", lines[3]);
    }

    [Fact]
    public void Explain_DeferAndExcludePolicies_SayErrorsAreNotCounted()
    {
        IReadOnlyList<ListOutcome> outcomes = [ScorerTests.Failed(Zen)];
        var deferred = Scorer.Score(outcomes, new DnsblThresholds(), ErrorPolicy.Defer);
        Assert.Contains("defers unless rejected", ScoreExplainer.Explain(outcomes, deferred, ErrorPolicy.Defer)[0], StringComparison.Ordinal);
        Assert.Equal("score 0: Defer", ScoreExplainer.Explain(outcomes, deferred, ErrorPolicy.Defer)[1]);
        var excluded = Scorer.Score(outcomes, new DnsblThresholds(), ErrorPolicy.Exclude);
        Assert.Contains("not counted (error policy Exclude)", ScoreExplainer.Explain(outcomes, excluded, ErrorPolicy.Exclude)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "+3")]
    [InlineData(-1, "-1")]
    [InlineData(0, "0")]
    [InlineData(0.25, "+0.25")]
    [InlineData(-0.000000001, "-0.000000001")]
    public void FormatWeight_Signs_AndInvariantCulture(double weight, string expected) =>
        Assert.Equal(expected, ScoreExplainer.FormatWeight(weight));
}
