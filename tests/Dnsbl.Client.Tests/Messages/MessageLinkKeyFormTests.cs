using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The planner finds each link's name and its cut per domain form once per message and shares them between URI lists;
/// every list must still get the key <see cref="ListDomainKey.InForm"/> gives for its own form, and the skips that name no
/// list must be reported once however many URI lists ask.
/// </summary>
public sealed class MessageLinkKeyFormTests
{
    private static readonly DomainQueryForm[] Forms =
        [DomainQueryForm.RegisteredDomain, DomainQueryForm.FullHostName, DomainQueryForm.RegisteredDomainIcannOnly, DomainQueryForm.RegistryBoundaries];

    [Fact]
    public void Plan_UriListsOfEveryForm_EachListGetsItsOwnFormOfEveryHost()
    {
        var hosts = new[] { "www.shop.example-store.co.uk", "a.b.blogspot.com", "Mixed.Case-Host.NET", "img.cdn.github.io", "xn--bcher-kva.de", "news.bbc.co.uk" };
        var context = new MessageContext { TextBody = string.Join(' ', hosts.Select(host => $"https://{host}/page")) };
        // Every form twice, in both orders, so that each form is asked both first (worked out) and later (read back).
        var lists = Forms.Concat(Forms.Reverse()).Select((form, i) => new DnsList($"l{i}.test", DnsListKind.UriBlockList) { Name = $"l{i}", DomainForm = form }).ToList();

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions { SkipDomains = [] }, lists);

        foreach (var list in lists)
        {
            var expected = hosts
                .Select(host => DomainName.TryNormalize(host, out var name, out _) ? ListDomainKey.InForm(name, list.DomainForm, PublicSuffixList.Embedded) : null)
                .OfType<string>()
                .Distinct()
                .ToList();
            Assert.Equal(expected, plan.Lookups.Where(lookup => lookup.List == list).Select(lookup => lookup.Key));
        }
    }

    [Fact]
    public void Plan_SeveralUriLists_MailAddressAndSkipListedReportedOnce()
    {
        var context = new MessageContext { TextBody = "write to joe@mailer-one.net or see http://www.google.com/x and http://spam-shop.net/" };
        var lists = Enumerable.Range(0, 3).Select(i => new DnsList($"u{i}.test", DnsListKind.UriBlockList) { Name = $"u{i}" }).ToList();

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), lists);

        Assert.Single(plan.Skipped, skip => skip.Reason == MessageSkipReason.MailAddress && skip.Key == "mailer-one.net");
        Assert.Single(plan.Skipped, skip => skip.Reason == MessageSkipReason.SkipListed && skip.Key == "www.google.com");
        Assert.Equal(3, plan.Lookups.Count(lookup => lookup.Key == "spam-shop.net"));
    }

    [Fact]
    public void Plan_SpecialUseHostAndCap_ReportedPerList()
    {
        var context = new MessageContext { TextBody = "http://printer.example/ http://one-shop.net/ http://two-shop.net/" };
        var lists = Enumerable.Range(0, 2).Select(i => new DnsList($"u{i}.test", DnsListKind.UriBlockList) { Name = $"u{i}", DomainForm = Forms[i] }).ToList();

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions { MaxUriDomains = 2 }, lists);

        Assert.Equal(["u0", "u1"], plan.Skipped.Where(skip => skip.Reason == MessageSkipReason.SpecialUseName).Select(skip => skip.ListName));
        Assert.Equal(["u0", "u1"], plan.Skipped.Where(skip => skip.Reason == MessageSkipReason.OverCap).Select(skip => skip.ListName));
    }
}
