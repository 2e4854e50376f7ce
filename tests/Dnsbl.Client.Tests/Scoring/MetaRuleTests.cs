using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Tests.Scoring;

public sealed class MetaRuleTests
{
    private static readonly ReturnCodeRule Sbl = new(ReturnCodeFilter.Parse("127.0.0.2"), 2.5) { Name = "RCVD_IN_SBL" };
    private static readonly ReturnCodeRule Zen = new(null, 0) { Name = "__RCVD_IN_ZEN" };
    private static readonly ReturnCodeRule Xbl = new(ReturnCodeFilter.Parse("127.0.0.[4..7]"), 0.7) { Name = "RCVD_IN_XBL" };
    private static readonly DnsList ZenAll = new("zen.example") { Name = "zen", Rules = [Zen, Sbl] };
    private static readonly DnsList ZenLast = new("zen.example") { Name = "zen-lastexternal", Rules = [Xbl] };

    private static ListOutcome Listed(DnsList list, string input, params ReturnCodeRule[] rules) => new()
    {
        List = list,
        Input = input,
        Kind = ListOutcomeKind.Listed,
        Weight = rules.Sum(r => r.Weight),
        Codes = [IPAddress.Parse("127.0.0.2")],
        MatchedRules = rules,
    };

    private static double Value(string expression, params string[] hits)
    {
        var set = new MetaRuleSet([new MetaRule("M", expression, 1)]);
        var (weight, metaHits) = set.Evaluate(hits.ToHashSet());
        return metaHits.Count == 0 ? 0 : weight;
    }

    [Theory]
    [InlineData("A && B", new[] { "A", "B" }, true)]
    [InlineData("A && B", new[] { "A" }, false)]
    [InlineData("A || B", new[] { "B" }, true)]
    [InlineData("A && !B", new[] { "A", "B" }, false)]
    [InlineData("!(A || B)", new string[0], true)]
    [InlineData("(A + B + C) > 1", new[] { "A", "C" }, true)]
    [InlineData("(A + B + C) > 1", new[] { "C" }, false)]
    [InlineData("A + B * 2 >= 3", new[] { "A", "B" }, true)]
    [InlineData("A - B == 0", new[] { "A", "B" }, true)]
    [InlineData("A / B", new[] { "A" }, false)]
    [InlineData("local_tests_only || A", new string[0], false)]
    public void Evaluate_Expression_HitsAsPerlWould(string expression, string[] hits, bool expected) =>
        Assert.Equal(expected, Value(expression, hits) != 0);

    [Fact]
    public void Evaluate_MetaOverMetas_UsesTheInnerValueAndSkipsSubRuleWeights()
    {
        var set = new MetaRuleSet([
            new MetaRule("__LOW", "L5 || L4", 5),
            new MetaRule("ZBI", "__Z && !__LOW", 2.7),
            new MetaRule("COUNT", "(L5 || L4) + __Z > 1", 0.5),
        ]);

        var (weight, hits) = set.Evaluate(new HashSet<string> { "__Z", "L4" });

        Assert.Equal(["__LOW", "COUNT"], hits.Select(h => h.Name));
        Assert.Equal(0.5, weight);
    }

    [Fact]
    public void Evaluate_Cycle_NeverHits()
    {
        var set = new MetaRuleSet([new MetaRule("A", "B || X", 1), new MetaRule("B", "A", 1)]);

        var (weight, hits) = set.Evaluate(new HashSet<string> { "X" });

        Assert.Empty(hits);
        Assert.Equal(0, weight);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A &&")]
    [InlineData("(A || B")]
    [InlineData("A $ B")]
    [InlineData("A B")]
    public void Constructor_InvalidExpression_ThrowsFormatException(string expression) =>
        Assert.Throws<FormatException>(() => new MetaRule("M", expression, 1));

    [Fact]
    public void Constructor_DeepNesting_ThrowsFormatExceptionNotStackOverflow() =>
        Assert.Throws<FormatException>(() => new MetaRule("M", new string('(', 100_000) + "A" + new string(')', 100_000), 1));

    [Fact]
    public void RuleOnceScorer_NamedRuleAcrossRelays_CountsOnceAndFeedsMetas()
    {
        var metas = new MetaRuleSet([new MetaRule("ZEN_BOTH", "RCVD_IN_SBL && RCVD_IN_XBL", 1.5), new MetaRule("__ANY", "__RCVD_IN_ZEN", 9)]);
        ListOutcome[] outcomes =
        [
            Listed(ZenAll, "192.0.2.1", Zen, Sbl),
            Listed(ZenAll, "192.0.2.2", Zen, Sbl),
            Listed(ZenLast, "192.0.2.1", Xbl),
        ];

        var (result, counted, _) = RuleOnceScorer.Score(outcomes, new DnsblThresholds { Reject = 5 }, ErrorPolicy.Exclude, metas);

        Assert.Equal(2.5 + 0.7 + 1.5, result.Score);
        Assert.Empty(counted[1]);
        Assert.Equal([new MetaRuleHit("ZEN_BOTH", 1.5), new MetaRuleHit("__ANY", 0)], result.MetaHits);
        Assert.Contains("meta ZEN_BOTH +1.5", ScoreExplainer.Explain(outcomes, result, ErrorPolicy.Exclude));
    }

    [Fact]
    public void Scorer_SingleCheck_AddsMetaWeights()
    {
        var metas = new MetaRuleSet([new MetaRule("ZEN_BOTH", "RCVD_IN_SBL && RCVD_IN_XBL", 1.5)]);

        var result = Scorer.Score([Listed(ZenAll, "192.0.2.1", Sbl), Listed(ZenLast, "192.0.2.1", Xbl)], new DnsblThresholds { Reject = 5 }, ErrorPolicy.Exclude, metas);

        Assert.Equal(4.7, result.Score);
        Assert.Equal("ZEN_BOTH", Assert.Single(result.MetaHits!).Name);
    }
}
