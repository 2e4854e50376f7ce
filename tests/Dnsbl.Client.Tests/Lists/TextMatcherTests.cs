using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class TextMatcherTests
{
    private static DnsList TxtList(params ReturnCodeRule[] rules) => new("bl.example") { QueryType = ListQueryType.Txt, Rules = rules };

    [Fact]
    public void Match_NoText_IsNotListed() =>
        Assert.Same(CodeMatch.NotListed, TextMatcher.Match(TxtList(), []));

    [Fact]
    public void Match_NoRulesOnAllowList_DefaultRuleWeighsMinusOne() =>
        Assert.Equal(-1, TextMatcher.Match(new DnsList("wl.example", DnsListKind.IpAllowList) { QueryType = ListQueryType.Txt }, ["ok"]).Weight);

    [Theory]
    [InlineData("regex:(?i:spamcop)", "Blocked - see SpamCop", true)]
    [InlineData("regex:(?i:spamcop)", "Blocked elsewhere", false)]
    [InlineData("regex:^listed$", "not listed", false)]
    [InlineData("any", "whatever", true)]
    [InlineData("!regex:spamcop", "other", true)]
    [InlineData("127.0.0.2", "127.0.0.2", false)] // a filter on codes never matches text
    [InlineData("anybits:2", "2", false)]
    public void Match_RuleFilter_TestsTheText(string filter, string text, bool listed)
    {
        var match = TextMatcher.Match(TxtList(new ReturnCodeRule(ReturnCodeFilter.Parse(filter), 2)), [text]);
        Assert.Equal(listed ? CodeMatchKind.Listed : CodeMatchKind.NotListed, match.Kind);
        Assert.Equal(listed ? 2 : 0, match.Weight);
    }

    [Fact]
    public void Match_SeveralRules_EachMatchingRuleAddsItsWeight()
    {
        var list = TxtList(
            new ReturnCodeRule(ReturnCodeFilter.Parse("regex:a"), 1),
            new ReturnCodeRule(ReturnCodeFilter.Parse("regex:b"), 2),
            new ReturnCodeRule(ReturnCodeFilter.Parse("regex:z"), 4));
        var match = TextMatcher.Match(list, ["a", "b"]);
        Assert.Equal(3, match.Weight);
        Assert.Equal(2, match.MatchedRules.Count);
    }

    [Fact]
    public void Match_AllRecordsMode_NeedsEveryText()
    {
        var list = TxtList(new ReturnCodeRule(ReturnCodeFilter.Parse("regex:a"), 1) { Mode = RecordMatchMode.AllRecords });
        Assert.Equal(CodeMatchKind.NotListed, TextMatcher.Match(list, ["a", "b"]).Kind);
        Assert.Equal(CodeMatchKind.Listed, TextMatcher.Match(list, ["a", "ab"]).Kind);
    }
}
