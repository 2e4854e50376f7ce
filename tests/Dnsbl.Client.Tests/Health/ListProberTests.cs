using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class ListProberTests
{
    private static readonly DnsList IpList = new(IpZone);
    private static readonly DnsList DomainList = new(DomainZone, DnsListKind.DomainBlockList);

    [Fact]
    public async Task ProbeAsync_HealthyIpv4List_IsHealthyWithEvidence()
    {
        var resolver = new ScriptedResolver().HealthyIpList();

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
        Assert.Contains(round.Evidence, e => e.QueryName == ListedIpv4 && e.RecordType == "A" && e.Answer == "A 127.0.0.2");
        Assert.Contains(round.Evidence, e => e.QueryName == UnlistedIpv4 && e.Answer == "NXDOMAIN");
    }

    [Fact]
    public async Task ProbeAsync_ListWithNarrowFilter_TestPointStillCountsAsListed()
    {
        var resolver = new ScriptedResolver().HealthyIpList();
        var narrow = new DnsList(IpZone) { Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.10"), 3)] };

        var round = await Prober(resolver).ProbeAsync(narrow, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
    }

    [Fact]
    public async Task ProbeAsync_NarrowFilterAndNegativeTestPointListed_ListsEverything()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(UnlistedIpv4, DnsRecordType.A, "127.0.0.2");
        var narrow = new DnsList(IpZone) { Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.10"), 3)] };

        var round = await Prober(resolver).ProbeAsync(narrow, CancellationToken.None);

        Assert.Equal(ListHealthState.ListsEverything, round.State);
    }

    [Fact]
    public async Task ProbeAsync_NegativeTestPointListed_ListsEverything()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(UnlistedIpv4, DnsRecordType.A, "127.0.0.2");

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.ListsEverything, round.State);
        Assert.Contains("127.0.0.1", round.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((int)DnsLookupStatus.NameError)]
    [InlineData((int)DnsLookupStatus.NoData)]
    public async Task ProbeAsync_PositiveTestPointNotListed_NotListingTestPoint(int status)
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(ListedIpv4, DnsRecordType.A, (DnsLookupStatus)status);

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.NotListingTestPoint, round.State);
    }

    [Fact]
    public async Task ProbeAsync_OperatorRefusalCode_RefusingWithCodeAndMeaning()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(ListedIpv4, DnsRecordType.A, "127.255.255.254");

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Refusing, round.State);
        Assert.Contains("127.255.255.254", round.Reason, StringComparison.Ordinal);
        Assert.Contains("public or open resolver", round.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_DnsRefused_Refusing()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(ListedIpv4, DnsRecordType.A, DnsLookupStatus.Refused);

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Refusing, round.State);
        Assert.Contains("REFUSED", round.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_AnswerOutsideLoopback_RefusingWithDistinctReason()
    {
        var resolver = new ScriptedResolver().HealthyIpList()
            .Answer(ListedIpv4, DnsRecordType.A, "93.184.216.34").Answer(UnlistedIpv4, DnsRecordType.A, "93.184.216.34");

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Refusing, round.State);
        Assert.Contains("outside 127.0.0.0/8", round.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_ZoneNxDomain_DeadWithoutAskingTestPoints()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(IpZone, DnsRecordType.NS, DnsLookupStatus.NameError);

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Dead, round.State);
        Assert.Contains("zone no longer exists", round.Reason, StringComparison.Ordinal);
        Assert.Equal([new DnsQuestion(IpZone, DnsRecordType.NS)], resolver.Questions);
    }

    [Fact]
    public async Task ProbeAsync_NameserversOnDocumentationAddresses_DeadAndOnlyQuestionsAsked()
    {
        var resolver = new ScriptedResolver().HealthyIpList()
            .Answer(IpZone, DnsRecordType.NS, "ns1.example.test", "ns2.example.test")
            .Answer("ns1.example.test", DnsRecordType.A, "192.0.2.1")
            .Answer("ns1.example.test", DnsRecordType.AAAA, "2001:db8::1")
            .Answer("ns2.example.test", DnsRecordType.A, "203.0.113.9");

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Dead, round.State);
        Assert.StartsWith("nameservers moved to documentation addresses (RFC 6471)", round.Reason, StringComparison.Ordinal);
        // The resolver was only asked questions about names; nothing was ever addressed to 192.0.2.1 or 203.0.113.9.
        Assert.Equal(
            new[] { (IpZone, DnsRecordType.NS), ("ns1.example.test", DnsRecordType.A), ("ns1.example.test", DnsRecordType.AAAA),
                ("ns2.example.test", DnsRecordType.A), ("ns2.example.test", DnsRecordType.AAAA) }.OrderBy(q => q.ToString()),
            resolver.Questions.Select(q => (q.Name, q.Type)).OrderBy(q => q.ToString()));
    }

    [Fact]
    public async Task ProbeAsync_NameserverWithoutAddress_Dead()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(IpZone, DnsRecordType.NS, "gone.example.test");

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Dead, round.State);
        Assert.Contains("gone.example.test: no address", round.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_OneNameserverStillServing_Healthy()
    {
        var resolver = new ScriptedResolver().HealthyIpList()
            .Answer(IpZone, DnsRecordType.NS, "ns1.example.test", "ns2.example.test")
            .Answer("ns1.example.test", DnsRecordType.A, "192.0.2.1")
            .Answer("ns2.example.test", DnsRecordType.A, "127.0.0.53");

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
    }

    [Fact]
    public async Task ProbeAsync_LoopbackNameserversWhenRetiredByOption_Dead()
    {
        var resolver = new ScriptedResolver().HealthyIpList()
            .Answer(IpZone, DnsRecordType.NS, "ns1.example.test").Answer("ns1.example.test", DnsRecordType.A, "127.0.0.53");

        var round = await Prober(resolver, Options(o => o.LoopbackNameserversAreRetired = true)).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Dead, round.State);
    }

    [Fact]
    public async Task ProbeAsync_NameserverAddressLookupTimesOut_NotDead()
    {
        var resolver = new ScriptedResolver().HealthyIpList()
            .Answer(IpZone, DnsRecordType.NS, "ns1.example.test")
            .Status("ns1.example.test", DnsRecordType.A, DnsLookupStatus.Timeout)
            .Status("ns1.example.test", DnsRecordType.AAAA, DnsLookupStatus.Timeout);

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
    }

    [Theory]
    [InlineData((int)DnsLookupStatus.Timeout)]
    [InlineData((int)DnsLookupStatus.ServerFailure)]
    [InlineData((int)DnsLookupStatus.NetworkError)]
    public async Task ProbeAsync_EveryQuestionFails_UnreachableAfterRetries(int failureCode)
    {
        var failure = (DnsLookupStatus)failureCode;
        var resolver = new ScriptedResolver()
            .Status(IpZone, DnsRecordType.NS, failure).Status(ListedIpv4, DnsRecordType.A, failure).Status(UnlistedIpv4, DnsRecordType.A, failure);

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Unreachable, round.State);
        Assert.Equal(6, resolver.AskedCount); // 3 questions x 2 attempts
        Assert.All(round.Samples, s => Assert.True(s.Failed));
    }

    [Fact]
    public async Task ProbeAsync_SomeQuestionsFailRestFine_Healthy()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(UnlistedIpv4, DnsRecordType.A, DnsLookupStatus.Timeout);

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
        Assert.Contains("1 of 2 probe questions failed", round.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_ResolverThrows_CountsAsFailureNotCrash()
    {
        var resolver = new ScriptedResolver().HealthyIpList()
            .Use(UnlistedIpv4, DnsRecordType.A, _ => throw new InvalidOperationException("bug"));

        var round = await Prober(resolver).ProbeAsync(IpList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
        Assert.Contains(round.Evidence, e => e.QueryName == UnlistedIpv4 && e.Answer.Contains("bug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProbeAsync_HealthyDomainList_AsksTestInvalidAndRandomLabel()
    {
        var resolver = new ScriptedResolver().HealthyDomainList();

        var round = await Prober(resolver).ProbeAsync(DomainList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
        var names = resolver.Questions.Where(q => q.Type == DnsRecordType.A).Select(q => q.Name).ToList();
        Assert.Contains("test." + DomainZone, names);
        Assert.Contains("invalid." + DomainZone, names);
        Assert.Contains(names, n => n.Length == ProbePlan.RandomLabelLength + 1 + DomainZone.Length && n.EndsWith("." + DomainZone, StringComparison.Ordinal)
            && !n.StartsWith("test.", StringComparison.Ordinal) && !n.StartsWith("invalid.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProbeAsync_DomainListWildcard_ListsEverything()
    {
        var resolver = new ScriptedResolver().HealthyDomainList()
            .Status("invalid." + DomainZone, DnsRecordType.A, DnsLookupStatus.NameError)
            .WildcardA("127.0.1.2");

        var round = await Prober(resolver).ProbeAsync(DomainList, CancellationToken.None);

        Assert.Equal(ListHealthState.ListsEverything, round.State);
        Assert.DoesNotContain("invalid.", round.Reason, StringComparison.Ordinal); // caught by the random label alone
    }
}
