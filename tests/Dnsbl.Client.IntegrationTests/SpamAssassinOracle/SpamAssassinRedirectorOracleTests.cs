namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// Redirector links (issue 15 part 4): SpamAssassin with its shipped redirector_pattern lines and the library with the
/// same lines imported ask the URI lists about the same redirect targets (corpus messages 62-64).
/// </summary>
[Collection(OracleGroup.Name)]
public sealed class SpamAssassinRedirectorOracleTests(OracleHarness harness)
{
    [Theory]
    // 62: google url?q=, translate u=, search site: and "…", pagead adurl=, aol _url=; no target has a scheme.
    [InlineData("62-", new[] { "pharma-discount-shop.com", "suspicious-offers.biz", "cheap-rolex-replica.com", "phish-bank-alert.com", "bulk-promo-deals.net", "malware-host.info" })]
    // 63: zdnet, nate, redirect.php goto=, index.php?URL=, emf, adtech, redir.internet.com, .gov externalLink.
    [InlineData("63-", new[] { "cheap-rolex-replica.com", "lottery-winner-claim.top", "suspicious-offers.biz", "phish-bank-alert.com", "malware-host.info", "bulk-promo-deals.net", "abused-site.org", "pharma-discount-shop.com" })]
    // 64: a %-encoded redirector inside a redirector, a pattern target before an embedded URL, user info before the host.
    [InlineData("64-", new[] { "secure-login-verify.net", "hacked-shop.com", "compromised-blog.org" })]
    public async Task CheckMessageAsync_RedirectorLinks_BothSidesAskTheTargetsOfMultiSurbl(string message, string[] targets)
    {
        var run = await harness.RunCorpusAsync();
        var comparison = run.Comparisons.Single(c => c.Message.StartsWith(message, StringComparison.Ordinal));
        string[] Asked(IReadOnlySet<LoggedQuery> queries) => [.. queries.Where(q => q.Zone == "multi.surbl.org").Select(q => q.Key).Order(StringComparer.Ordinal)];

        Assert.Equal(Asked(comparison.SpamAssassinQueries), Asked(comparison.LibraryQueries));
        Assert.All(targets, target => Assert.Contains(target, Asked(comparison.LibraryQueries)));
    }

    [Fact]
    public async Task CheckMessageAsync_PatternTargetBeforeEmbeddedUrl_NeitherSideAsksTheEmbeddedUrl()
    {
        // SpamAssassin tries its built-in "http:" rule only when no redirector_pattern gave a target (Util.pm, bug 7278).
        var run = await harness.RunCorpusAsync();
        var comparison = run.Comparisons.Single(c => c.Message.StartsWith("64-", StringComparison.Ordinal));

        Assert.DoesNotContain(comparison.SpamAssassinQueries, q => q.Key.Contains("bot-command", StringComparison.Ordinal));
        Assert.DoesNotContain(comparison.LibraryQueries, q => q.Key.Contains("bot-command", StringComparison.Ordinal));
    }
}
