using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// Bad configuration: every problem gets a typed exception naming it — a <see cref="DnsblConfigurationException"/>
/// listing every problem of the options at once, <see cref="ArgumentException"/> for a bad zone,
/// <see cref="FormatException"/> for bad site/filter syntax.
/// </summary>
public sealed class BadConfigurationCorpusTests
{
    private static readonly Dictionary<string, (Action<DnsblOptions> Break, string Named)> OptionProblems = new()
    {
        ["zero attempt timeout"] = (o => o.AttemptTimeout = TimeSpan.Zero, "AttemptTimeout"),
        ["day-long attempt timeout"] = (o => o.AttemptTimeout = TimeSpan.FromDays(1), "AttemptTimeout"),
        ["negative deadline"] = (o => o.Deadline = TimeSpan.FromSeconds(-1), "Deadline"),
        ["year-long deadline"] = (o => o.Deadline = TimeSpan.FromDays(365), "Deadline"),
        ["zero attempts"] = (o => o.Attempts = 0, "Attempts"),
        ["a thousand attempts"] = (o => o.Attempts = 1000, "Attempts"),
        ["zero cache size"] = (o => o.Cache.SizeLimit = 0, "Cache.SizeLimit"),
        ["minimum TTL above maximum"] = (o => { o.Cache.MinimumTtl = TimeSpan.FromHours(2); o.Cache.MaximumTtl = TimeSpan.FromHours(1); }, "Cache.MinimumTtl"),
        ["duplicate list names"] = (o => { o.Lists.Add(new DnsList("a.test")); o.Lists.Add(new DnsList("A.TEST.")); }, "used 2 times"),
        ["null list"] = (o => o.Lists.Add(null!), "is null"),
        ["zero list timeout"] = (o => o.Lists.Add(new DnsList("t.test") { Timeout = TimeSpan.Zero }), ".Timeout"),
        ["host name as nameserver"] = (o => o.Nameservers.Add("dns.example"), "host name"),
        ["port zero"] = (o => o.Nameservers.Add("127.0.0.1:0"), "port"),
        ["empty nameserver"] = (o => o.Nameservers.Add(""), "empty"),
        ["tag above reject"] = (o => { o.Thresholds.Reject = 1; o.Thresholds.Tag = 5; }, "Thresholds.Tag"),
    };

    public static TheoryData<string> OptionProblemNames => [.. OptionProblems.Keys];

    public static TheoryData<string> BadZones =>
    [
        "", " ", "bad..zone", "*.zone.test", new string('a', 64) + ".test", "zone with space.test", "zone\u0000.test", ".", "zone/.test",
        string.Join('.', Enumerable.Repeat(new string('z', 63), 5)),
    ];

    public static TheoryData<string> BadSites =>
    [
        "bl.test=127.0.0.abc", "bl.test=127.0.0.[1..", "bl.test=127.0.0.[5..2]", "bl.test=300.0.0.1", "bl.test*x", "bl.test*", "bl.test=",
        "bl.test=127.0.0.2*1e400", "bad..zone=127.0.0.2", "bl.test=127.0.0.[1;;2]", "bl.test=!!!127.0.0.2x", "=127.0.0.2",
    ];

    [Theory]
    [MemberData(nameof(OptionProblemNames))]
    public void Constructor_OneBadOption_ConfigurationExceptionNamesIt(string problem)
    {
        var (breakIt, named) = OptionProblems[problem];
        var options = Valid();
        breakIt(options);

        var error = Assert.Throws<DnsblConfigurationException>(() => new DnsblClient(options));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EveryProblemAtOnce_MessageListsEachOne()
    {
        var options = Valid();
        foreach (var (breakIt, _) in OptionProblems.Values.Where(p => p.Named is not ("Attempts" or "AttemptTimeout" or "Deadline")))
        {
            breakIt(options);
        }

        options.Attempts = 0;
        options.Deadline = TimeSpan.Zero;
        var error = Assert.Throws<DnsblConfigurationException>(() => new DnsblClient(options));

        foreach (var (_, named) in OptionProblems.Values)
        {
            if (named != "AttemptTimeout")
            {
                Assert.Contains(named, error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BadZones))]
    public void DnsListConstructor_BadZone_ArgumentException(string zone)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new DnsList(zone));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [MemberData(nameof(BadSites))]
    public void DnsListParse_BadSiteSyntax_FormatExceptionQuotingTheEntry(string site)
    {
        var error = Assert.ThrowsAny<Exception>(() => DnsList.Parse(site));

        Assert.True(error is FormatException or ArgumentException, $"{site} threw {error.GetType().Name}: {error.Message}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static DnsblOptions Valid() => new() { Lists = [new DnsList("ok.test")], Nameservers = ["127.0.0.1"] };
}
