using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The key search split at a link's host (<see cref="RedirectorPatternSet.KeysBefore"/>, kept per host by the collector)
/// against the search over the whole link (<see cref="RedirectorPatternSet.CannotMatch(ReadOnlySpan{char}, int)"/>): the
/// same answer for every plain http(s) link, keys inside the host, across its end and after it.
/// </summary>
public sealed class RedirectorPatternSetHostKeysTests
{
    private static readonly RedirectorPatternSet Shipped = RedirectorPatternSet.For(MessageConstants.DefaultRedirectorPatterns, Timeout.InfiniteTimeSpan);

    // Keys with '/' at several places, a key that is a host's end, one in upper case, one all '/'-free.
    private static readonly RedirectorPatternSet Configured = RedirectorPatternSet.For(
        [@"^http://(?:\w+\.)?ex\.com/a/b/(.*)$", @"^https?://[^/]+/EXIT/go/(.*)$", @"jump\.example\.org/(.*)$", @"[?&]dest=(.*)$"], Timeout.InfiniteTimeSpan);

    private static readonly string[] Hosts =
    [
        "www.ex.com", "ex.com", "EX.COM", "ex.co", "x.ex.com.net", "aol.com", "www.AOL.com", "chkpt.zdnet.com", "zdnet.com", "nate.com",
        "www3.nate.com", "facebook.com", "www.google.com", "google.de", "jump.example.org", "example.org", "news.example.net", "exit",
        "redir.internet.com", "internet.com", "ad.adtech.de",
    ];

    private static readonly string[] Paths =
    [
        "", "/", "/a/b/t.example.com", "/A/B/x", "/a/c/x", "/EXIT/go/t.example.com", "/exit/go/x", "/redir.adp?_url=t.example.com",
        "/chkpt/x/t.example.com", "/r/x/t.example.com", "/l/;t.example.com", "/url?q=t.example.com", "/x?dest=t.example.com",
        "/jump.example.org/t", "/story/3?utm=mail", "/c/12", "?x", "#y", "/x/http", "/index.php?URL=t.example.com", "/emf",
    ];

    public static TheoryData<string> Schemes => new() { "http://", "https://" };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void CannotMatchPlainHttp_KeysAtHostKept_SameAsWholeLinkSearch(string scheme)
    {
        var compared = 0;
        foreach (var patterns in (RedirectorPatternSet[])[Shipped, Configured])
        {
            foreach (var host in Hosts)
            {
                var schemeAndHost = scheme + host;
                var atHost = patterns.KeysBefore(schemeAndHost);
                foreach (var path in Paths)
                {
                    var link = schemeAndHost + path;
                    var expected = patterns.CannotMatch(link, scheme.Length);
                    Assert.True(expected == patterns.CannotMatchPlainHttp(link, schemeAndHost.Length, atHost), $"{link} ({atHost})");
                    compared += expected ? 1 : 0;
                }
            }
        }

        Assert.InRange(compared, 100, 1000); // most links cannot match: the split search is what answers them
    }

    [Theory]
    [InlineData("http://www.aol.com", "MayCross")] // "aol.com/redir.adp?" may go on after the host
    [InlineData("http://www.google.com", "Inside")] // "google"
    [InlineData("https://Chkpt.ZDNet.com", "MayCross")] // case is ignored
    [InlineData("http://track.mailer-cdn3.com", "None")]
    [InlineData("http://aol.co", "None")]
    public void KeysBefore_ShippedKeys_WhereTheyMayBe(string schemeAndHost, string expected) =>
        Assert.Equal(expected, Shipped.KeysBefore(schemeAndHost).ToString());

    [Fact]
    public void KeysBefore_PatternWithoutKey_Unknown() =>
        Assert.Equal(RedirectorPatternSet.KeysAtHost.Unknown, RedirectorPatternSet.For([@"^(.*)$"], Timeout.InfiniteTimeSpan).KeysBefore("http://a.example"));
}
