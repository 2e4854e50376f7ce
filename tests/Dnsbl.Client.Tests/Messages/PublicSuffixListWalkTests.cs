using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The registered-domain lookup walks a host's suffixes from its top-level label and stops at the first that neither is
/// nor ends a rule. Differential: on the embedded list's own rules, with labels put in front, it gives what the PSL
/// algorithm as written gives (every suffix of the host looked up; <see cref="Oracle"/>), in both views.
/// </summary>
public sealed class PublicSuffixListWalkTests
{
    private static readonly PublicSuffixList List = PublicSuffixList.Embedded;

    [Fact]
    public void RegisteredDomainStart_EveryRuleWithLabelsInFront_SameAsWholeAlgorithm()
    {
        var compared = 0;
        foreach (var rule in List.RuleNames)
        {
            foreach (var host in new[] { rule, "a." + rule, "b.a." + rule, "www.c.b.a." + rule, "x" + rule, rule[(rule.IndexOf('.') + 1)..] })
            {
                foreach (var icannOnly in new[] { false, true })
                {
                    Assert.True(Oracle(host, icannOnly) == List.RegisteredDomainStart(host, icannOnly), $"{host} (ICANN only: {icannOnly})");
                    compared++;
                }
            }
        }

        Assert.True(compared > 50_000, $"only {compared} names compared");
    }

    [Theory]
    [InlineData("track.mailer-cdn3.com", "mailer-cdn3.com")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")] // *.kawasaki.jp: b.kawasaki.jp is a suffix
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")] // !city.kawasaki.jp
    [InlineData("user.github.io", "user.github.io")] // private section
    [InlineData("x.unknown-tld-zz", "x.unknown-tld-zz")] // the implicit "*" rule
    public void GetRegisteredDomain_Walk_KnownCases(string host, string expected) =>
        Assert.Equal(expected, List.GetRegisteredDomain(host));

    // The algorithm as publicsuffix.org states it, every suffix looked up: an exception rule prevails, else the longest
    // matching rule ("*.name" one label longer than name), else "*".
    private static int Oracle(string name, bool icannOnly)
    {
        var exception = icannOnly ? PublicSuffixRule.ExceptionIcann : PublicSuffixRule.ExceptionIcann | PublicSuffixRule.ExceptionPrivate;
        var normal = icannOnly ? PublicSuffixRule.Icann : PublicSuffixRule.Icann | PublicSuffixRule.Private;
        var wildcard = icannOnly ? PublicSuffixRule.WildcardIcann : PublicSuffixRule.WildcardIcann | PublicSuffixRule.WildcardPrivate;
        var starts = new List<int> { 0 };
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '.')
            {
                starts.Add(i + 1);
            }
        }

        var count = starts.Count;
        var suffixLabels = -1;
        for (var labels = count; labels >= 1 && suffixLabels < 0; labels--)
        {
            if ((List.RuleOf(name.AsSpan(starts[count - labels])) & exception) != 0)
            {
                suffixLabels = labels - 1;
            }
        }

        for (var labels = count; labels >= 1 && suffixLabels < 0; labels--)
        {
            if ((List.RuleOf(name.AsSpan(starts[count - labels])) & normal) != 0 ||
                (labels >= 2 && (List.RuleOf(name.AsSpan(starts[count - labels + 1])) & wildcard) != 0))
            {
                suffixLabels = labels;
            }
        }

        suffixLabels = suffixLabels < 0 ? 1 : suffixLabels;
        return count <= suffixLabels ? -1 : starts[count - suffixLabels - 1];
    }
}
