using System.Net;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class LinkExtractorTests
{
    private static List<string> Hosts(string? text, string? html = null)
        => [.. LinkExtractor.Extract(text, html, PublicSuffixList.Embedded).Select(link => link.Host)];

    [Theory]
    [InlineData("go to hxxp://bad-site[.]com/x now", "bad-site.com")]
    [InlineData("go to hXXps://bad-site(dot)com/x now", "bad-site.com")]
    [InlineData("go to http[:]//bad-site{.}com/x", "bad-site.com")]
    [InlineData("see bad-site [.] com", "bad-site.com")]
    [InlineData("http://user:secret@bad-site.com:8080/path", "bad-site.com")]
    [InlineData("http://%62ad-site.com/", "bad-site.com")]
    [InlineData("(visit http://Bad-Site.COM.)", "bad-site.com")]
    [InlineData("visit www.bad-site.com, then leave", "www.bad-site.com")]
    [InlineData("bare host bad-site.com.", "bad-site.com")]
    [InlineData("http://bücher.de/", "xn--bcher-kva.de")]
    public void Extract_TextForms_FindHost(string text, string expected)
        => Assert.Equal([expected], Hosts(text));

    [Theory]
    [InlineData("convert CharEnt/EUC_JP.pm to CharEnt/SHIFT_JIS.pm")]
    [InlineData("'shift-jis' => 'MHonArc/CharEnt/SHIFT_JIS.pm'")]
    [InlineData("see bad_site.com or www.bad_site.com")]
    [InlineData("<a href=\"http://euc_jp.pm/\">x</a> and mailto:me@bad_site.com")]
    public void Extract_HostWithUnderscoreInLastTwoLabels_IsNoHost(string text)
        => Assert.Empty(Hosts(text, text));

    [Theory]
    [InlineData("mirror at dl_1.mirror.example.net today", "dl_1.mirror.example.net")]
    [InlineData("or http://dl_1.mirror.example.net/x", "dl_1.mirror.example.net")]
    public void Extract_UnderscoreBelowRegisteredName_IsHost(string text, string expected)
        => Assert.Equal([expected], Hosts(text));

    [Theory]
    [InlineData("<a href=\"http://bad-site&#46;com/\">x</a>")]
    [InlineData("<a href='http://bad-site&#x2e;com/'>x</a>")]
    [InlineData("<a HREF=http://bad-site.com/?a=1&amp;b=2>x</a>")]
    [InlineData("<img src=\"//bad-site.com/pixel.gif\">")]
    [InlineData("<form action=\"https://bad-site.com/post\"></form>")]
    public void Extract_HtmlAttributes_DecodeEntitiesAndFindHost(string html)
        => Assert.Equal(["bad-site.com"], Hosts(null, html));

    [Fact]
    public void Extract_MailtoLink_UsesDomain()
        => Assert.Equal(["bad-site.com"], Hosts(null, "<a href=\"mailto:someone@bad-site.com?subject=hi\">mail</a>"));

    [Fact]
    public void Extract_RelativeAndSpecialSchemes_AreIgnored()
        => Assert.Empty(Hosts(null, "<a href=\"/local/page\">a</a><img src=\"cid:part1@x\"><a href=\"javascript:void(0)\">b</a><a href=\"#top\">c</a>"));

    [Fact]
    public void Extract_IpLiterals_AreAddresses()
    {
        var links = LinkExtractor.Extract("http://45.33.32.156/claim and http://[2600:3c00::f03c:91ff:fe18:bb2f]:8080/ and http://3232235777/", null, PublicSuffixList.Embedded);
        Assert.Equal(
            [IPAddress.Parse("45.33.32.156"), IPAddress.Parse("2600:3c00::f03c:91ff:fe18:bb2f"), IPAddress.Parse("192.168.1.1")],
            links.Select(link => link.Address));
    }

    [Fact]
    public void Extract_FileNamesInText_AreNotHosts()
        => Assert.Empty(Hosts("attached report.pdf and notes.txt; version 1.2.3"));

    [Fact]
    public void Extract_FileNameInUrlPath_IsNotASecondHost()
        => Assert.Equal(["files.sender.com"], Hosts("get http://files.sender.com/archive.zip now"));

    [Fact]
    public void Extract_MarkupBeforeText_AndFirstOccurrenceOrder()
    {
        var links = LinkExtractor.Extract("text first.com", "<p>visible second.com</p><a href=\"http://third.com\">t</a><a href=\"http://fourth.com\">f</a>", PublicSuffixList.Embedded);
        Assert.Equal(["third.com", "fourth.com", "first.com", "second.com"], links.Select(link => link.Host));
        Assert.True(links[0].InMarkup);
        Assert.False(links[2].InMarkup);
    }

    [Fact]
    public void Extract_Duplicates_AppearOnce()
        => Assert.Equal(["dup.com"], Hosts("http://dup.com/a http://DUP.com/b dup.com", "<a href=\"https://dup.com/c\">x</a>"));

    [Fact]
    public void Extract_ScriptAndStyleContent_IsNotVisibleText()
        => Assert.Empty(Hosts(null, "<style>body { font: x.css; }</style><script>var a = 'hidden.com';</script>"));

    [Fact]
    public void Extract_CorpusObfuscated_FindsAllTargets()
    {
        var context = MessageContext.Parse(Corpus.Text("obfuscated-links.eml"));
        var hosts = LinkExtractor.Extract(context.TextBody, context.HtmlBody, PublicSuffixList.Embedded).Select(link => link.Host).ToList();
        Assert.Equal(
            ["claim-prize.com", "secure-payout.net", "tracker.spamlink.info", "45.33.32.156", "2600:3c00::f03c:91ff:fe18:bb2f", "bonus-offer.org"],
            hosts);
    }

    [Fact]
    public void Extract_HugeHostileInput_NoLinkAndNoThrow()
    {
        // A 400,000-character dotted run is no host name (over 253 octets), and an unterminated href has no target.
        var text = string.Concat(Enumerable.Repeat("a.", 200_000)) + "<a href=" + new string('x', 100_000);

        Assert.Empty(LinkExtractor.Extract(text, text, PublicSuffixList.Embedded));
    }

    [Fact]
    public void Extract_BareHostUnderTopLevelDomainWithoutRuleOfItsOwn_Found() =>
        Assert.Contains("fail6.org.org.za", Hosts("mail from fail6.org.org.za today", null));
}
