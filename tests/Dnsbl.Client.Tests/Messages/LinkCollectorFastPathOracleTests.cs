using System.Globalization;
using System.Text;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The collector's shortcuts for plain links (a plain http(s) link read in one pass, a host's redirector-key answer kept
/// per host) against its general path (<c>generalPathOnly</c>): the same links, origins, groups, order and problems, with
/// and without the configured redirector patterns, on the links of every corpus message and on generated links that hold
/// what sends a link the general way ('@', '%', '\', ports, IPv6 literals, upper case, trailing punctuation, embedded URLs,
/// obfuscations) and redirector links that the patterns match and links they do not.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class LinkCollectorFastPathOracleTests
{
    private static readonly string[] Schemes = ["http://", "https://", "HTTP://", "Https://", "hxxp://", "ftp://", "//", "", "www.", "http:/", "httpS://"];

    private static readonly string[] UserInfos = ["", "", "", "", "user@", "user:pw@", "a%40b@"];

    private static readonly string[] Hosts =
    [
        "track.mailer-cdn3.com", "img.cdn-host1.net", "www.news-site7.net", "Track.Mailer-CDN3.com", "WWW.EXAMPLE.ORG", "example.com.",
        "example.com..", "a..b.example.com", "45.33.32.156", "3232235777", "0xc0.0xa8.1.1", "1.2.3.4.example.com", "example.123",
        "[2001:db8::1]", "[2001:db8::1]:80", "example.com:8080", "example.com:", "ex%61mple.com", "x_y.example.com", "-bad.example.com",
        "localhost", "bücher.de", "xn--bcher-kva.de", "www.google.com", "google.de", "chkpt.zdnet.com", "www3.nate.com", "aol.com",
        "redir.internet.com", "ad.adtech.de", "facebook.com", "emf1.com", "example.com)", "example.com'", "example.com]", "example.com>",
        "example.com\"", "example.com,", "", "example", new string('a', 64) + ".com", new string('b', 250) + ".com", "e\u0301xample.com",
        "nate.com", "search.example", "exa(mple).com", "exa{mple}.com", "exa*mple.com", "t.co", "internet.com", "example.com;",
        "example.com!", "Example.Com?", "www.facebook.com", "zdnet.com", "x.chkpt.zdnet.com",
    ];

    private static readonly string[] Paths =
    [
        "", "", "/", "/c/12", "/3.png", "/story/3?utm=mail", "?x=1", "#top", "/r/abc/http://target{n}.example.net/x",
        "/url?q=http://target{n}.example.org/&sa=D", "/url?sa=t&q=https://t2{n}.example.com/p", "/search?q=site:found{n}.example.com",
        "/translate?u=http://tr{n}.example.com/", "/redirect.php?a=1&goto=http://goto{n}.example.com/", "/index.php?URL=http://u{n}.example.net/",
        "/chkpt/abc/http://z{n}.example.com/", "/l/;http://fb{n}.example.com/", "/redir.adp?_url=http://aol{n}.example.com/",
        "/externalLink.jhtml?url=http://gov{n}.example.com/", "/r.cfm?a=1&r=http://emf{n}.example.com/", "/pagead/iclk?adurl=http://ad{n}.example.com/",
        "/x%2Fy", "/%68ttp://esc{n}.example.com/", "\\path", "/a b", "/(x)", "/[.]", "/x[dot]y", "/h**p://star{n}.example.com/", "/hxxp://x{n}.example.com/",
        "/?u=HTTP://up{n}.example.com/", "/HtTp:/one{n}.example.com", "/url?q=http://nested{n}.example.com/url?q=http://deep{n}.example.com/", "/é",
        ":8080/", "/redirect.php?goto=x{n}.example.com", "/URL=", "/emf/google/search?", "/a:b", "/googleurl?q=http://g{n}.example.com/",
        // Redirector links with no ':' after the host (the shortcut's), keys inside the host and across its end.
        "/redir.adp?_url=aol{n}.example.com", "/l/;fb{n}.example.com", "/chkpt/abc/z{n}.example.com", "/r/abc/n{n}.example.com",
        "/url?q=g{n}.example.com", "/index.php?URL=u{n}.example.net", "/redirect.php?goto=r{n}.example.org&x", "/search?q=site%3Ax.com",
    ];

    private static readonly string[] Ends = ["", "", "", " ", ".", ",", ")", "\">", "\t", "'", " \r\n"];

    [Fact]
    public void AddUrl_CorpusLinks_SameAsGeneralPath()
    {
        var links = CorpusLinks().ToList();
        Assert.True(links.Count > 400, $"only {links.Count} corpus links");
        AssertSameAsGeneralPath(links);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AddUrl_GeneratedLinks_SameAsGeneralPath(int seed) => AssertSameAsGeneralPath(GeneratedLinks(seed, 4000));

    [Fact]
    public void AddUrl_HostsInOneProbeChain_SameAsGeneralPath()
    {
        // Hosts whose hashes start one probe chain of the kept-host table at every size it takes here (8 to 2048 slots):
        // past the probe limit they are not kept and go the general way, repeated in every order and case.
        var colliding = Enumerable.Range(0, 200_000).Select(i => $"h{i}.collide.example")
            .Where(host => (LinkCollector.HashOf(host) >> 7) % 2048 == 5).Take(24).ToArray();
        Assert.Equal(24, colliding.Length);
        var random = new Random(7);
        var links = new List<(string, bool, int)>();
        for (var i = 0; i < 2400; i++)
        {
            // Then more distinct hosts than the scan limit takes, then the colliding ones again.
            var host = i is >= 300 and < 1400 ? $"d{i}.distinct.example" : Pick(random, colliding);
            host = random.Next(6) == 0 ? host.ToUpperInvariant() : host;
            var link = $"{Pick(random, ["http://", "https://", "//"])}{host}{Pick(random, Paths)}".Replace("{n}", "1", StringComparison.Ordinal);
            links.Add((link, random.Next(2) == 0, random.Next(LinkPriority.Text + 1)));
        }

        AssertSameAsGeneralPath(links[..300]);
        AssertSameAsGeneralPath(links, batchSize: links.Count);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void AddMarkupUrls_GeneratedValues_SameAsEachValueDecodedAndAddedTheGeneralWay(int seed)
    {
        // Attribute values as HTML writes them: entities ('&amp;' in a query, a scheme or host spelt with character
        // references, a lone '&'), white space around them, and the plain links of GeneratedLinks.
        var random = new Random(seed);
        string[] entityForms = ["&amp;", "&", "&#104;", "&#x2F;", "&lt;", "&nbsp;", "&#32;", "&amp"];
        var values = GeneratedLinks(seed, 3000).Select(link => link.Item1).Select(value => random.Next(4) switch
        {
            0 => value.Replace("&", Pick(random, entityForms), StringComparison.Ordinal),
            1 => Pick(random, ["", " ", "\n", "&#32;", "&nbsp;"]) + value.Replace("h", random.Next(3) == 0 ? "&#104;" : "h", StringComparison.Ordinal),
            _ => value,
        }).ToList();
        Assert.True(AssertMarkupSameAsGeneralPath(string.Concat(values), values.Select(value => value.Length)) > 1000);
    }

    [Fact]
    public void AddMarkupUrls_CorpusHtml_SameAsEachValueDecodedAndAddedTheGeneralWay()
    {
        var (bodies, links) = (0, 0);
        foreach (var message in ScannerOracleTexts.CorpusMessages())
        {
            var html = MessageContext.Parse(message).HtmlBody;
            if (!string.IsNullOrEmpty(html))
            {
                links += AssertMarkupSameAsGeneralPath(html, [.. HtmlLinkAttributes.Find(html)]);
                bodies++;
            }
        }

        Assert.True(bodies > 10 && links > 50, $"only {bodies} corpus HTML bodies, {links} links");
    }

    // valueLengths: the lengths of consecutive values making up html, given priorities in turn. Returns the links added.
    private static int AssertMarkupSameAsGeneralPath(string html, IEnumerable<int> valueLengths)
    {
        var (start, priority) = (0, 0);
        var attributes = new List<(int, int, int)>();
        foreach (var length in valueLengths)
        {
            attributes.Add((priority, start, length));
            (start, priority) = (start + length, (priority + 1) % (LinkPriority.Text + 1));
        }

        return AssertMarkupSameAsGeneralPath(html, attributes);
    }

    // The batch against what the extractor did for each value before it: decode the value when it holds a '&', trim it,
    // add it as a link in markup, on a collector that never takes the shortcut. Returns the links added.
    private static int AssertMarkupSameAsGeneralPath(string html, IReadOnlyList<(int Priority, int Start, int Length)> attributes)
    {
        var added = 0;
        var ints = attributes.SelectMany(attribute => (int[])[attribute.Priority, attribute.Start, attribute.Length]).ToArray();
        foreach (var patterns in (RedirectorPatternSet?[])[null, RedirectorPatternSet.For(MessageConstants.DefaultRedirectorPatterns, Timeout.InfiniteTimeSpan)])
        {
            for (var first = 0; first < attributes.Count; first += 500)
            {
                var count = Math.Min(500, attributes.Count - first);
                var fast = new LinkCollector(patterns);
                fast.AddMarkupUrls(html, ints.AsSpan(first * HtmlTags.IntsPerAttribute, count * HtmlTags.IntsPerAttribute));
                var general = new LinkCollector(patterns, generalPathOnly: true);
                foreach (var (priority, start, length) in attributes.Skip(first).Take(count))
                {
                    var value = html.Substring(start, length);
                    general.AddUrl(
                        value.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(value).Trim() : value.Trim(),
                        inMarkup: true, requireScheme: false, priority);
                }

                Assert.Equal(general.Links, fast.Links);
                Assert.Equal(general.Problems, fast.Problems);
                added += fast.Links.Count;
            }
        }

        return added;
    }

    private static void AssertSameAsGeneralPath(IReadOnlyList<(string Link, bool InMarkup, int Priority)> links, int batchSize = 700)
    {
        // Batches of a message's size: hosts repeat within a batch, and a full collector (MaxLinksScanned) is reached too.
        foreach (var patterns in (RedirectorPatternSet?[])[null, RedirectorPatternSet.For(MessageConstants.DefaultRedirectorPatterns, Timeout.InfiniteTimeSpan)])
        {
            for (var start = 0; start < links.Count; start += batchSize)
            {
                var fast = new LinkCollector(patterns);
                var general = new LinkCollector(patterns, generalPathOnly: true);
                foreach (var (link, inMarkup, priority) in links.Skip(start).Take(batchSize))
                {
                    fast.AddUrl(link.AsSpan(), inMarkup, requireScheme: false, priority);
                    general.AddUrl(link.AsSpan(), inMarkup, requireScheme: false, priority);
                    fast.AddUrl(link, inMarkup, requireScheme: false, priority);
                    general.AddUrl(link, inMarkup, requireScheme: false, priority);

                    // The link's text after its last '@' or "//" as a mail domain and as a bare host (AddHost's own callers).
                    var tail = link.AsSpan(Math.Max(link.LastIndexOf('@'), link.LastIndexOf("//", StringComparison.Ordinal) + 1) + 1);
                    var isMailAddress = priority == LinkPriority.Text;
                    fast.AddHost(tail, link.AsSpan(), inMarkup, priority, isMailAddress);
                    general.AddHost(tail, link.AsSpan(), inMarkup, priority, isMailAddress);
                }

                Assert.Equal(general.Links, fast.Links);
                Assert.Equal(general.Problems, fast.Problems);
            }
        }
    }

    private static List<(string, bool, int)> GeneratedLinks(int seed, int count)
    {
        var random = new Random(seed);
        var links = new List<(string, bool, int)>(count);
        var host = Hosts[0];
        for (var i = 0; i < count; i++)
        {
            host = random.Next(3) == 0 ? host : Pick(random, Hosts); // newsletters repeat a host over consecutive links
            host = random.Next(10) == 0 ? host.ToUpperInvariant() : host; // a host seen before in another case
            var link = new StringBuilder()
                .Append(random.Next(8) == 0 ? " " : "")
                .Append(Pick(random, Schemes)).Append(Pick(random, UserInfos)).Append(host).Append(Pick(random, Paths))
                .Append(random.Next(4) == 0 ? Pick(random, Paths) : "").Append(Pick(random, Ends))
                .Replace("{n}", i.ToString(CultureInfo.InvariantCulture)); // a target of its own: a link the shortcut lost would show
            links.Add((link.ToString(), random.Next(2) == 0, random.Next(LinkPriority.Text + 1)));
        }

        return links;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    // The values the extractor hands the collector: attribute values of the HTML, then URLs the scanner finds in the bodies.
    private static IEnumerable<(string, bool, int)> CorpusLinks()
    {
        foreach (var message in ScannerOracleTexts.CorpusMessages())
        {
            var context = MessageContext.Parse(message);
            if (!string.IsNullOrEmpty(context.HtmlBody))
            {
                foreach (var (priority, start, length) in HtmlLinkAttributes.Find(context.HtmlBody))
                {
                    yield return (context.HtmlBody.Substring(start, length), true, priority);
                }
            }

            foreach (var body in (string?[])[context.TextBody, context.HtmlBody])
            {
                for (var from = 0; body is not null && UrlScanner.TryFind(body, from, out var start, out var length); from = start + length)
                {
                    yield return (body.Substring(start, length), false, LinkPriority.Text);
                }
            }
        }
    }
}
