using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// A newsletter repeats a few hosts over hundreds of links: a link to a host already collected must cost no allocation
/// (issue 15 part 7). A range search that boxed its bounds once made every such link allocate 96 bytes.
/// </summary>
public sealed class LinkCollectorAllocationTests
{
    [Theory]
    [InlineData("https://track.mailer-cdn3.com/c/12", false)] // a plain host
    [InlineData("https://Track.Mailer-CDN3.com:443/c/12", false)] // a port: the general path
    [InlineData("desk12@sender-news.net", true)] // a mail address's domain
    public void Add_HostSeenBefore_AllocatesNothing(string link, bool isMailAddress)
    {
        var collector = new LinkCollector(RedirectorPatternSet.For(MessageConstants.DefaultRedirectorPatterns, Timeout.InfiniteTimeSpan));
        for (var warm = 0; warm < 3; warm++)
        {
            Add(collector, link, isMailAddress);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Add(collector, link, isMailAddress);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Single(collector.Links);
    }

    private static void Add(LinkCollector collector, string link, bool isMailAddress)
    {
        if (isMailAddress)
        {
            collector.AddHost(link.AsSpan(link.IndexOf('@') + 1), link.AsSpan(), inMarkup: false, LinkPriority.Text, isMailAddress: true);
        }
        else
        {
            collector.AddUrl(link.AsSpan(), inMarkup: false, requireScheme: false);
        }
    }
}
