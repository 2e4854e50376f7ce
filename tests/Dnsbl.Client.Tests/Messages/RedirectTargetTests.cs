using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>Redirector links yield their target's host too, as SpamAssassin's uri_list_canonicalize does (issue 15, oracle message 32).</summary>
public sealed class RedirectTargetTests
{
    private static List<(string Host, int Priority)> Links(string html)
        => [.. LinkExtractor.Extract(null, html, PublicSuffixList.Embedded).Select(link => (link.Host, link.Priority))];

    [Theory]
    [InlineData("https://www.google.com/url?q=http://cracked-soft.ru/keygen&sa=D&ust=1", "http://cracked-soft.ru/keygen")]
    [InlineData("http://redir.example.net/go?u=https%3A%2F%2Ftarget.example.org%2Fx", "https://target.example.org/x")]
    [InlineData("http://redir.example.net/r/http:/target.example.org/x#frag", "http://target.example.org/x")]
    [InlineData("http://redir.example.net?next=HTTP://target.example.org", "HTTP://target.example.org")]
    public void Of_RedirectorLink_FindsTheEmbeddedUrl(string link, string target)
        => Assert.Equal(target, RedirectTarget.Of(link, link.IndexOf("//", StringComparison.Ordinal) + 2));

    [Theory]
    [InlineData("http://plain.example.net/page?id=3")]
    [InlineData("ftp://files.example.net/http://x.example.org")]
    [InlineData("http://www.http-guide.example.net/")] // "http" in the host is no redirect
    public void Of_OrdinaryLink_IsNull(string link)
        => Assert.Null(RedirectTarget.Of(link, link.IndexOf("//", StringComparison.Ordinal) + 2));

    [Fact]
    public void Extract_RedirectorAnchor_AddsTheTargetHostInTheAnchorGroup()
        => Assert.Equal([("www.google.com", LinkPriority.Anchor), ("cracked-soft.ru", LinkPriority.Anchor)],
            Links("<a href=\"https://www.google.com/url?q=http://cracked-soft.ru/keygen&amp;sa=D\">k</a>"));

    [Fact]
    public void Extract_NestedRedirectors_AreFollowedToABoundedDepth()
    {
        var link = "http://target.example.org/";
        for (var i = 0; i < 10; i++)
        {
            link = $"http://r{i}.example.net/go?u={link}";
        }

        var hosts = Links($"<a href=\"{link}\">x</a>").Select(l => l.Host).ToList();
        Assert.Equal(MessageConstants.MaxRedirectDepth + 1, hosts.Count);
        Assert.Equal("r9.example.net", hosts[0]);
    }

    [Fact]
    public void Extract_NestedRedirectorsBeyondTheDepth_ReportedAsProblem()
    {
        var link = "http://target.example.org/";
        for (var i = 0; i < 10; i++)
        {
            link = $"http://r{i}.example.net/go?u={link}";
        }

        var problems = new List<MessageProblem>();
        LinkExtractor.Extract(null, $"<a href=\"{link}\">x</a>", PublicSuffixList.Embedded, problems: problems);

        var problem = Assert.Single(problems);
        Assert.Equal(MessageProblemKind.RedirectTooDeep, problem.Kind);
        Assert.Contains("r5.example.net", problem.Detail, StringComparison.Ordinal); // the last link followed: its target r4 is not asked
    }

    [Fact]
    public void Extract_RedirectorsWithinTheDepth_NoProblem()
    {
        var problems = new List<MessageProblem>();
        LinkExtractor.Extract("http://r1.example.net/go?u=http://r0.example.net/go?u=http://target.example.org/", null, PublicSuffixList.Embedded, problems: problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Extract_MoreHostsThanTheScanLimit_ReportedOnceAsProblem()
    {
        var text = string.Join(' ', Enumerable.Range(0, MessageConstants.MaxLinksScanned + 50).Select(i => $"http://h{i}.example.net/ h{i}.example.org"));
        var problems = new List<MessageProblem>();

        var links = LinkExtractor.Extract(text, null, PublicSuffixList.Embedded, problems: problems);

        Assert.Equal(MessageConstants.MaxLinksScanned, links.Count);
        var problem = Assert.Single(problems);
        Assert.Equal(MessageProblemKind.TooManyLinks, problem.Kind);
    }

    [Fact]
    public void Extract_ExactlyTheScanLimit_NoProblem()
    {
        var text = string.Join(' ', Enumerable.Range(0, MessageConstants.MaxLinksScanned).Select(i => $"http://h{i}.example.net/"));
        var problems = new List<MessageProblem>();

        var links = LinkExtractor.Extract(text, null, PublicSuffixList.Embedded, problems: problems);

        Assert.Equal(MessageConstants.MaxLinksScanned, links.Count);
        Assert.Empty(problems);
    }
}
