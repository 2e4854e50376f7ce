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
}
