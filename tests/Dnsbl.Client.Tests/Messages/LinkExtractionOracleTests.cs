using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Messages.Oracles;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="LinkExtractor.Extract"/> (scanners, links read as spans, strings only for kept links) against the
/// extraction as it was (regexes, a string per candidate; <see cref="LegacyLinkExtractor"/>): the same links, origins,
/// groups and order, on every corpus message and on generated bodies.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class LinkExtractionOracleTests
{
    private static readonly string[] Fragments =
    [
        "https://Shop.Example.COM/x", "http://a.b.cc/?u=http://target.example.net/&x", "hxxp://bad.example.org", "HTTP://up.example.com",
        "http[:]//odd.example.com", "www.example.org.", "//cdn.example.net/x", "http://user:pw@host.example.com:8080/", "http://%77ww.example.com/",
        "http://45.33.32.156/", "http://[2001:db8::1]:80/", "http://3232235777/", "mailto:me@mail.example.com?subject=x", "me@mail.example.com",
        "bare.example.com", "example[.]com", "example(dot)com", "Main.pm", "bücher.de", "http://bücher.de/", "http://localhost/", "x.",
        "<a href=\"http://anchor.example.com/\">", "<img src='http://img.example.com/a.png'>", "<form action=http://form.example.com>",
        "<a href=\"http://ent.example.com/?a=1&amp;b=http://redir.example.com/\">", "&amp;", "&lt;", "<b>", "</b>", "<!-- c -->",
        "<script>x.example.com</script>", "http://a.example.com/%68ttp://b.example.com/", "http://EXAMPLE.com.", "http://x_y.example.com/",
        "http://-bad.example.com/", "http://" + new string('a', 64) + ".com/", "https://t.co/abc", "ftp://files.example.com/", "(see", ")",
        // Edges of host reading: trailing dots, numeric and hex last labels, ports, escapes, case, over-long names.
        "http://example.com..", "http://a..b.example.com/", "http://example.0x1f/", "http://1.2.3.4.example.com/", "http://example.123/",
        "http://.example.com/", "http://Example.COM?x=1", "http://example.com#top", "http:///path", "http://", "https://x.example.com:443/",
        "http://ex%61mple.com/", "http://example.com\\path", "https://example.com./a", "http://xn--bcher-kva.de/", "http://a-.example.com/",
        "http://" + new string('b', 250) + ".com/", "HTTPS://WWW.EXAMPLE.ORG", "http://_dmarc.example.com/",
    ];

    [Fact]
    public void Extract_CorpusMessages_SameLinksAsBefore()
    {
        var compared = 0;
        foreach (var message in ScannerOracleTexts.CorpusMessages())
        {
            var context = MessageContext.Parse(message);
            var expected = LegacyLinkExtractor.Extract(context.TextBody, context.HtmlBody, PublicSuffixList.Embedded);
            Assert.Equal(expected, LinkExtractor.Extract(context.TextBody, context.HtmlBody, PublicSuffixList.Embedded));
            compared += expected.Count;
        }

        Assert.True(compared > 100, $"only {compared} links in the corpus");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Extract_GeneratedBodies_SameLinksAsBefore(int seed)
    {
        var texts = ScannerOracleTexts.Generated(Fragments, 1500, seed).ToList();
        for (var i = 0; i + 1 < texts.Count; i += 2)
        {
            var expected = LegacyLinkExtractor.Extract(texts[i], texts[i + 1], PublicSuffixList.Embedded);
            Assert.Equal(expected, LinkExtractor.Extract(texts[i], texts[i + 1], PublicSuffixList.Embedded));
        }
    }
}
