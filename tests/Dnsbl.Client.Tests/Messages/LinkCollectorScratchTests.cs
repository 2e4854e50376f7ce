using System.Globalization;
using System.Text;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// A collector works in the emptied tables of the last one its thread finished (LinkCollector.Scratch): nothing of one
/// message may reach the next, whatever order, nesting, failure or threads the collectors meet.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class LinkCollectorScratchTests
{
    [Fact]
    public void Extract_MessagesInARow_SameAsEachOnAThreadOfItsOwn()
    {
        // Messages that share hosts in other orders, cases and groups, and messages of other sizes (so that tables grown
        // by one are reused by a smaller or larger one).
        var bodies = Enumerable.Range(0, 24).Select(Body).ToList();
        var expected = bodies.Select(body => FreshThread.Run(() => Extract(body))).ToList();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                Assert.Equal(expected[i], Extract(bodies[i]));
            }

            bodies.Reverse();
            expected.Reverse();
        }
    }

    [Fact]
    public void Extract_ManyThreadsAtOnce_SameAsAlone()
    {
        var bodies = Enumerable.Range(0, 16).Select(Body).ToList();
        var expected = bodies.Select(Extract).ToList();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var which = (i * 7) % bodies.Count;
            Assert.Equal(expected[which], Extract(bodies[which]));
        });
    }

    [Fact]
    public void Collectors_AtWorkTogether_KeepTheirOwnLinks()
    {
        _ = Extract(Body(3)); // leaves this thread's tables idle, for the first collector below
        var outer = new LinkCollector();
        outer.AddUrl("https://outer.example.com/a", inMarkup: false, requireScheme: false);
        var inner = new LinkCollector(); // made while outer holds the tables
        inner.AddUrl("https://inner.example.com/a", inMarkup: false, requireScheme: false);
        outer.AddUrl("https://inner.example.com/b", inMarkup: true, requireScheme: false, LinkPriority.Anchor);
        Assert.Equal(["inner.example.com"], inner.TakeLinks().Select(link => link.Host));

        var next = new LinkCollector(); // takes the tables inner left
        next.AddUrl("https://outer.example.com/c", inMarkup: false, requireScheme: false, LinkPriority.Image);
        outer.AddUrl("https://outer.example.com/d", inMarkup: false, requireScheme: false);

        var outerLinks = outer.TakeLinks();
        Assert.Equal(["outer.example.com", "inner.example.com"], outerLinks.Select(link => link.Host));
        Assert.Equal([LinkPriority.Text, LinkPriority.Anchor], outerLinks.Select(link => link.Priority));
        var nextLinks = next.TakeLinks();
        Assert.Equal("outer.example.com", Assert.Single(nextLinks).Host);
        Assert.Equal(LinkPriority.Image, nextLinks[0].Priority);
    }

    [Fact]
    public void Collector_LeftMidway_NextOneStartsEmpty()
    {
        _ = Extract(Body(5));
        var abandoned = new LinkCollector(); // as when a scan throws: never finished
        abandoned.AddUrl("https://left.example.com/a", inMarkup: false, requireScheme: false);
        abandoned.AddHost("mail.example.com", "me@mail.example.com", inMarkup: false, LinkPriority.Text, isMailAddress: true);

        var next = new LinkCollector();
        next.AddHost("mail.example.com", "you@mail.example.com", inMarkup: false, LinkPriority.Text, isMailAddress: true);
        next.AddUrl("https://left.example.com/b", inMarkup: true, requireScheme: false, LinkPriority.Image);
        var links = next.TakeLinks();
        Assert.Equal(["mail.example.com", "left.example.com"], links.Select(link => link.Host));
        Assert.Equal(["you@mail.example.com", "https://left.example.com/b"], links.Select(link => link.Origin));

        // The abandoned one still has its own.
        Assert.Equal(["left.example.com", "mail.example.com"], abandoned.TakeLinks().Select(link => link.Host));
    }

    [Fact]
    public void TakeLinks_Twice_Throws()
    {
        var collector = new LinkCollector();
        collector.AddUrl("https://once.example.com/", inMarkup: false, requireScheme: false);
        Assert.Single(collector.TakeLinks());
        Assert.Throws<InvalidOperationException>(() => collector.TakeLinks());
    }

    [Fact]
    public void Extract_SecondMessageOnAThread_ReusesTheTables()
    {
        var body = Body(20);
        _ = Extract(body);
        _ = Extract(body);
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = Extract(body); // in the tables the one before left
        var reusing = GC.GetAllocatedBytesForCurrentThread() - before;

        var holder = new LinkCollector(); // holds this thread's idle tables: the next one grows its own
        before = GC.GetAllocatedBytesForCurrentThread();
        _ = Extract(body);
        var growing = GC.GetAllocatedBytesForCurrentThread() - before;
        _ = holder.TakeLinks();

        // Some 40 hosts: two dictionaries and the kept-host table grown from nothing, and the link list's growth.
        Assert.True(growing - reusing > 3000, $"reusing {reusing} B, growing {growing} B");
    }

    private static List<ExtractedLink> Extract(string body) =>
        LinkExtractor.Extract(body, "<p>" + body.Replace("https://", "<a href=\"https://", StringComparison.Ordinal) + "</p>", PublicSuffixList.Embedded);

    // A text of links and mail addresses over hosts that message seed shares with others (host numbers overlap, their
    // case and order differ), from 1 to some 60 hosts.
    private static string Body(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var hosts = 1 + (seed * 5 % 60);
        for (var i = 0; i < hosts; i++)
        {
            var host = string.Create(CultureInfo.InvariantCulture, $"www.site{(seed % 2 == 0 ? i : hosts - i) % 37}.example{i % 3}.com");
            host = random.Next(4) == 0 ? host.ToUpperInvariant() : host;
            text.Append(CultureInfo.InvariantCulture, $"see https://{host}/page{i} ({host}) or mail desk{i}@mail{random.Next(3)}.example.net\r\n");
            if (random.Next(3) == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"again http://{host.ToLowerInvariant()}/?u=https://target{random.Next(9)}.example.org/\r\n");
            }
        }

        return text.ToString();
    }
}
