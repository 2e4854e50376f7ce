using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

public sealed class DnsblClientReconfigureTests
{
    private static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();

    [Fact]
    public async Task Reconfigure_NewListSet_ChecksAskTheNewListsAndKeptListKeepsItsOverride()
    {
        _resolver.Listed("2.0.0.127.new.test", 300, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("kept.test"), new DnsList("gone.test"));
        client.Health.ForceDisable("kept.test", "maintenance");

        client.Reconfigure(Options(o => o.Thresholds.Reject = 1, new DnsList("kept.test"), new DnsList("new.test")));
        var result = await client.CheckAsync(Address);

        Assert.Equal(["kept.test", "new.test"], result.Lists.Select(l => l.List.Name));
        Assert.Equal(ListOutcomeKind.Skipped, result.Lists[0].Kind);
        Assert.Equal(ListOutcomeKind.Listed, result.Lists[1].Kind);
        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
        Assert.Equal(0, _resolver.TimesAsked("2.0.0.127.gone.test"));
        Assert.Equal(["kept.test", "new.test"], client.Health.GetReport().Lists.Select(l => l.Name));
    }

    [Fact]
    public async Task Reconfigure_InvalidOptions_ThrowsAndKeepsTheActiveLists()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("kept.test"));

        var error = Assert.Throws<DnsblConfigurationException>(() => client.Reconfigure(Options(null, new DnsList("a.test"), new DnsList("a.test"))));

        Assert.Contains("Lists: the name 'a.test' is used 2 times; list names must be unique.", error.Errors);
        Assert.Equal(["kept.test"], client.Lists.Select(l => l.Name));
        Assert.Equal(["kept.test"], client.Health.GetReport().Lists.Select(l => l.Name));
    }

    [Fact]
    public async Task Reconfigure_CachedAnswer_NewConfigurationStartsWithAnEmptyCache()
    {
        _resolver.Listed("2.0.0.127.bl.test", 300, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));
        await client.CheckAsync(Address);

        client.Reconfigure(Options(null, new DnsList("bl.test")));
        var again = await client.CheckAsync(Address);

        Assert.False(again.Lists[0].FromCache);
        Assert.Equal(2, _resolver.TimesAsked("2.0.0.127.bl.test"));
    }

    private static DnsblOptions Options(Action<DnsblOptions>? configure, params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        configure?.Invoke(options);
        return options;
    }
}
