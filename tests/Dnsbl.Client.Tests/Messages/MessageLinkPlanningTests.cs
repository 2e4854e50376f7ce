using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class MessageLinkPlanningTests
{
    private static readonly DnsList Uri = new("uri.bl.test", DnsListKind.UriBlockList) { Name = "uri" };

    private static MessageKeyPlan Plan(MessageContext context, MessageOptions? options = null) =>
        MessageKeyPlanner.Plan(context, options ?? new MessageOptions(), [Uri]);

    [Fact]
    public void Plan_MailtoAndBareAddress_SkippedByDefaultAndAskedOnRequest()
    {
        var context = new MessageContext { TextBody = "write to joe@mailer-one.net", HtmlBody = "<a href=\"mailto:ann@mailer-two.net\">ann</a>" };
        var plan = Plan(context);
        Assert.Empty(plan.Lookups);
        Assert.Equal(2, plan.Skipped.Count(skip => skip.Reason == MessageSkipReason.MailAddress));

        var asked = Plan(context, new MessageOptions { IncludeMailtoLinks = true });
        Assert.Equal(["mailer-two.net", "mailer-one.net"], asked.Lookups.Select(lookup => lookup.Key));
    }

    [Fact]
    public void Plan_SkipList_IsSpamAssassinsShippedSet()
    {
        Assert.True(MessageConstants.DefaultSkipDomains.Count > 250);
        var plan = Plan(new MessageContext { TextBody = "http://www.google.com/x https://docs.apache.org/ http://spam-shop.net/" });
        Assert.Equal(["spam-shop.net"], plan.Lookups.Select(lookup => lookup.Key));
        Assert.Contains(plan.Skipped, skip => skip.Key == "www.google.com" && skip.Reason == MessageSkipReason.SkipListed);
    }

    [Fact]
    public void Plan_Cap_AnchorsBeforeTextAndRestReported()
    {
        var text = string.Join(' ', Enumerable.Range(1, 5).Select(i => $"http://text{i}.net/"));
        var html = "<a href=\"http://anchor1.net/\">a</a><a href=\"http://anchor2.net/\">b</a>";
        var plan = Plan(new MessageContext { TextBody = text, HtmlBody = html }, new MessageOptions { MaxUriDomains = 3 });
        Assert.Equal(["anchor1.net", "anchor2.net", "text1.net"], plan.Lookups.Select(lookup => lookup.Key));
        Assert.Equal(4, plan.Skipped.Count(skip => skip.Reason == MessageSkipReason.OverCap && skip.ListName == "uri"));
    }

    [Fact]
    public void Plan_DkimSignature_DomainAskedAsLinkUnlessTurnedOff()
    {
        var context = new MessageContext { Headers = [new("DKIM-Signature", "v=1; a=rsa-sha256; d=signer-domain.net; s=sel; h=from; b=abc")] };
        var lookup = Assert.Single(Plan(context).Lookups);
        Assert.Equal("signer-domain.net", lookup.Key);
        Assert.Equal(MessageKeySource.DkimDomain, lookup.Source);
        Assert.Empty(Plan(context, new MessageOptions { DkimDomainsAsLinks = false }).Lookups);
    }

    [Fact]
    public void Plan_DkimDomainAlsoInMailAddress_AddressSkippedAndSigningDomainAsked()
    {
        var context = new MessageContext
        {
            Headers = [new("DKIM-Signature", "v=1; a=rsa-sha256; c=relaxed/simple; d=nut-mail.net; s=sel; h=from; b=abc")],
            TextBody = "Signed-off-by: Julian <neither@nut-mail.net>",
        };

        var plan = Plan(context);

        var lookup = Assert.Single(plan.Lookups);
        Assert.Equal(("nut-mail.net", MessageKeySource.DkimDomain), (lookup.Key, lookup.Source));
        Assert.Contains(plan.Skipped, skip => skip.Key == "nut-mail.net" && skip.Reason == MessageSkipReason.MailAddress);
    }

    [Fact]
    public void Plan_BareIpLink_AskedOfListsThatTakeAddresses()
    {
        var list = new DnsList("uri.bl.test", DnsListKind.UriBlockList) { Name = "uri", QueriesIpAddresses = true };
        var plan = MessageKeyPlanner.Plan(new MessageContext { TextBody = "go http://89.160.20.115/x and http://10.1.2.3/y" }, new MessageOptions(), [list]);
        var lookup = Assert.Single(plan.Lookups);
        Assert.True(lookup.IsAddress);
        Assert.Contains(plan.Skipped, skip => skip.Key == "10.1.2.3" && skip.Reason == MessageSkipReason.Private);
    }

    [Fact]
    public void Plan_CjkGluedHost_IsNotALink()
    {
        var plan = Plan(new MessageContext { TextBody = "訪問glued-host.comで and free-standing.net here" });
        Assert.Equal(["free-standing.net"], plan.Lookups.Select(lookup => lookup.Key));
    }
}
