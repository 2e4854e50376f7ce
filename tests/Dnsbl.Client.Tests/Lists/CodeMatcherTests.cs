using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class CodeMatcherTests
{
    private static IPAddress[] Codes(params string[] codes) => codes.Select(IPAddress.Parse).ToArray();

    private static ReturnCodeRule Rule(string filter, double weight, RecordMatchMode mode = RecordMatchMode.AnyRecord) =>
        new(ReturnCodeFilter.Parse(filter), weight) { Mode = mode };

    [Fact]
    public void Match_NoCodes_IsNotListed() =>
        Assert.Same(CodeMatch.NotListed, CodeMatcher.Match(new DnsList("zen.example"), []));

    [Fact]
    public void Match_NoRulesOnBlockList_UsesDefaultRuleWeighingPlusOne()
    {
        var match = CodeMatcher.Match(new DnsList("zen.example"), Codes("127.0.0.2"));
        Assert.Equal(CodeMatchKind.Listed, match.Kind);
        Assert.Equal(1, match.Weight);
        Assert.Null(Assert.Single(match.MatchedRules).Filter);
    }

    [Fact]
    public void Match_NoRulesOnAllowList_UsesDefaultRuleWeighingMinusOne() =>
        Assert.Equal(-1, CodeMatcher.Match(new DnsList("wl.example", DnsListKind.IpAllowList), Codes("127.0.10.2")).Weight);

    [Theory]
    [InlineData("127.255.255.254")]
    [InlineData("127.255.255.0")]
    [InlineData("127.255.255.255")]
    public void Match_OperatorErrorCode_IsOperatorErrorWithTheCode(string code)
    {
        var list = new DnsList("zen.example") { Rules = [Rule("any", 5)] };
        var match = CodeMatcher.Match(list, Codes("127.0.0.2", code));
        Assert.Equal(CodeMatchKind.OperatorError, match.Kind);
        Assert.Equal(IPAddress.Parse(code), match.OffendingCode);
        Assert.Equal(0, match.Weight);
        Assert.Empty(match.MatchedRules);
    }

    [Fact]
    public void Match_ListSpecificErrorCode_IsOperatorError()
    {
        var list = new DnsList("uribl.example") { ErrorCodes = [ReturnCodeFilter.Parse("127.0.0.1")] };
        var match = CodeMatcher.Match(list, Codes("127.0.0.1"));
        Assert.Equal(CodeMatchKind.OperatorError, match.Kind);
        Assert.Equal(IPAddress.Parse("127.0.0.1"), match.OffendingCode);
    }

    [Fact]
    public void Match_OperatorErrorBeatsOutsideLoopback()
    {
        var match = CodeMatcher.Match(new DnsList("zen.example"), Codes("10.0.0.1", "127.255.255.252"));
        Assert.Equal(CodeMatchKind.OperatorError, match.Kind);
        Assert.Equal(IPAddress.Parse("127.255.255.252"), match.OffendingCode);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("128.0.0.2")]
    [InlineData("126.255.255.255")]
    [InlineData("::1")]
    public void Match_CodeOutsideLoopback_IsOutsideLoopbackWithTheCode(string code)
    {
        var match = CodeMatcher.Match(new DnsList("zen.example"), Codes("127.0.0.2", code));
        Assert.Equal(CodeMatchKind.OutsideLoopback, match.Kind);
        Assert.Equal(IPAddress.Parse(code), match.OffendingCode);
    }

    [Fact]
    public void Match_SeveralRules_EachMatchingRuleAddsItsWeightOnce()
    {
        var list = new DnsList("zen.example")
        {
            Rules = [Rule("127.0.0.[2..3]", 3), Rule("127.0.0.[4..7]", 2), Rule("127.0.0.[10..11]", 0.1), Rule("any", 0.2)],
        };
        var match = CodeMatcher.Match(list, Codes("127.0.0.2", "127.0.0.3", "127.0.0.4"));
        Assert.Equal(CodeMatchKind.Listed, match.Kind);
        Assert.Equal(5.2, match.Weight);
        Assert.Equal([list.Rules[0], list.Rules[1], list.Rules[3]], match.MatchedRules);
    }

    [Fact]
    public void Match_FractionalWeights_SumWithoutDrift()
    {
        var list = new DnsList("zen.example") { Rules = [Rule("any", 0.1), Rule("any", 0.2)] };
        Assert.Equal(0.3, CodeMatcher.Match(list, Codes("127.0.0.2")).Weight);
    }

    [Fact]
    public void Match_NoRuleMatches_IsNotListed()
    {
        var list = new DnsList("zen.example") { Rules = [Rule("127.0.0.[2..11]", 1)] };
        Assert.Same(CodeMatch.NotListed, CodeMatcher.Match(list, Codes("127.0.0.1", "127.0.0.20")));
    }

    [Fact]
    public void Match_AllRecordsMode_NeedsEveryCodeToMatch()
    {
        var list = new DnsList("zen.example") { Rules = [Rule("127.0.0.[2..3]", 1, RecordMatchMode.AllRecords)] };
        Assert.Equal(CodeMatchKind.Listed, CodeMatcher.Match(list, Codes("127.0.0.2", "127.0.0.3")).Kind);
        Assert.Equal(CodeMatchKind.NotListed, CodeMatcher.Match(list, Codes("127.0.0.2", "127.0.0.4")).Kind);
    }

    [Fact]
    public void Match_AnyRecordMode_NeedsOneCodeToMatch()
    {
        var list = new DnsList("zen.example") { Rules = [Rule("127.0.0.[2..3]", 1)] };
        Assert.Equal(CodeMatchKind.Listed, CodeMatcher.Match(list, Codes("127.0.0.9", "127.0.0.3")).Kind);
    }

    [Fact]
    public void Match_NegatedFilterInAllRecordsMode_ListsOnlyWhenNoCodeIsExcluded()
    {
        var list = new DnsList("zen.example") { Rules = [Rule("!127.0.0.4", 2, RecordMatchMode.AllRecords)] };
        Assert.Equal(2, CodeMatcher.Match(list, Codes("127.0.0.2", "127.0.0.3")).Weight);
        Assert.Equal(CodeMatchKind.NotListed, CodeMatcher.Match(list, Codes("127.0.0.2", "127.0.0.4")).Kind);
    }

    [Fact]
    public void Match_BitmaskRules_UriblStyle()
    {
        // URIBL style: 2 = black, 4 = grey, 8 = red.
        var list = new DnsList("uribl.example", DnsListKind.UriBlockList)
        {
            Rules = [Rule("anybits:2", 5) with { Name = "URIBL_BLACK" }, Rule("anybits:4", 1) with { Name = "URIBL_GREY" }, Rule("allbits:0xa", 0.5)],
        };
        var match = CodeMatcher.Match(list, Codes("127.0.0.10"));
        Assert.Equal(5.5, match.Weight);
        Assert.Equal(["URIBL_BLACK", null], match.MatchedRules.Select(r => r.Name));
    }

    [Fact]
    public void Match_ManyCodes_BeyondTheStackBuffer_StillMatches()
    {
        var codes = Enumerable.Range(1, 100).Select(i => IPAddress.Parse($"127.0.0.{i}")).ToArray();
        var list = new DnsList("zen.example") { Rules = [Rule("127.0.0.100", 4)] };
        Assert.Equal(4, CodeMatcher.Match(list, codes).Weight);
    }

    [Fact]
    public void Match_NothingMatches_AllocatesNothing()
    {
        var list = new DnsList("zen.example")
        {
            Rules = [Rule("127.0.0.[2..11]", 1), Rule("anybits:0x80", 1, RecordMatchMode.AllRecords)],
            ErrorCodes = [ReturnCodeFilter.Parse("127.0.1.1")],
        };
        IReadOnlyList<IPAddress> codes = Codes("127.0.0.1", "127.0.0.12");
        CodeMatcher.Match(list, codes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            CodeMatcher.Match(list, codes);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
