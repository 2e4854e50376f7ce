using Dnsbl.Client.Dns.Protocol;
using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Testing;

public sealed class ZoneSetTests
{
    private const string Soa = "$SOA 1h ns.bl.test hostmaster.bl.test 7 2h 30m 1w 5m\n$NS 1h ns1.bl.test ns2.bl.test\n";

    private static ZoneAnswer Ask(ZoneSet zones, string name, DnsRecordType type = DnsRecordType.A) => zones.Lookup(name, type);

    private static string[] Codes(ZoneAnswer answer) =>
        [.. answer.Answers.Where(r => r.Type == DnsRecordType.A).Select(r => r.Address!.ToString()).Order(StringComparer.Ordinal)];

    [Fact]
    public void Lookup_Ip4SetEntryListedTwice_ReturnsBothCodesAndSubstitutedTexts()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, Soa + ":127.0.0.2:Listed $\n127.0.0.2\n127.0.0.2 :4:Exploited $\n");

        var a = Ask(zones, "2.0.0.127.bl.test");
        var txt = Ask(zones, "2.0.0.127.BL.test.", DnsRecordType.TXT);

        Assert.Equal(["127.0.0.2", "127.0.0.4"], Codes(a));
        Assert.Equal(["Exploited 127.0.0.2", "Listed 127.0.0.2"], txt.Answers.Select(r => r.Text).Order(StringComparer.Ordinal));
        Assert.All(a.Answers, r => Assert.Equal(2100u, r.TimeToLive));
        Assert.Equal(["ns1.bl.test", "ns2.bl.test"], a.Authority.Select(r => r.Target));
    }

    [Fact]
    public void Lookup_UnlistedAddress_IsNameErrorWithSoaAtNegativeTtl()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, Soa + "127.0.0.2\n");

        var answer = Ask(zones, "3.0.0.127.bl.test");

        Assert.Equal(ZoneAnswer.NameError, answer.ResponseCode);
        var soa = Assert.Single(answer.Authority);
        Assert.Equal(DnsRecordType.SOA, soa.Type);
        Assert.Equal(300u, soa.TimeToLive);
        Assert.Equal(7u, soa.Soa!.Serial);
    }

    [Fact]
    public void Lookup_ListedAddressOtherType_IsNoData()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, Soa + "127.0.0.2\n");

        var answer = Ask(zones, "2.0.0.127.bl.test", DnsRecordType.AAAA);

        Assert.Equal(ZoneAnswer.NoError, answer.ResponseCode);
        Assert.Empty(answer.Answers);
        Assert.Equal(DnsRecordType.SOA, Assert.Single(answer.Authority).Type);
    }

    [Fact]
    public void Lookup_NameOutsideEveryZone_IsRefused()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, "127.0.0.2\n");

        Assert.Equal(ZoneAnswer.Refused, Ask(zones, "2.0.0.127.other.test").ResponseCode);
        Assert.Equal(ZoneAnswer.Refused, Ask(zones, "xbl.test").ResponseCode);
    }

    [Fact]
    public void Lookup_Apex_AnswersNsAndSoa()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, Soa);

        Assert.Equal(2, Ask(zones, "bl.test", DnsRecordType.NS).Answers.Count);
        Assert.Equal("ns.bl.test", Assert.Single(Ask(zones, "bl.test", DnsRecordType.SOA).Answers).Soa!.PrimaryNameServer);
        Assert.Equal(ZoneAnswer.NoError, Ask(zones, "bl.test").ResponseCode);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.9", false)]
    [InlineData("10.0.1.0", false)]
    [InlineData("127.16.31.255", true)]
    [InlineData("127.16.32.0", false)]
    [InlineData("192.168.3.7", true)]
    [InlineData("200.1.2.3", true)]
    public void Lookup_Ip4SetForms_MatchRbldnsdSemantics(string address, bool listed)
    {
        var data = "10.0.0.0/24\n!10.0.0.9\n127.16.0-31\n192.168\n128.0.0.0/1\n!10.0.1\n";
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, data);
        var reversed = string.Join('.', address.Split('.').Reverse());

        Assert.Equal(listed, Ask(zones, reversed + ".bl.test").ResponseCode == ZoneAnswer.NoError);
    }

    [Fact]
    public void Lookup_ValueForms_FollowDefaultTextRules()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, "$1 see web\n:2:Listed $ $1 $$5\n127.0.0.5 :5\n127.0.0.6 :6:\n127.0.0.7 Own text\n");

        Assert.Equal("Listed 127.0.0.5 see web $5", Assert.Single(Ask(zones, "5.0.0.127.bl.test", DnsRecordType.TXT).Answers).Text);
        Assert.Empty(Ask(zones, "6.0.0.127.bl.test", DnsRecordType.TXT).Answers);
        Assert.Equal(["127.0.0.6"], Codes(Ask(zones, "6.0.0.127.bl.test")));
        Assert.Equal(["127.0.0.2"], Codes(Ask(zones, "7.0.0.127.bl.test")));
        Assert.Equal("Own text", Assert.Single(Ask(zones, "7.0.0.127.bl.test", DnsRecordType.TXT).Answers).Text);
    }

    [Fact]
    public void Lookup_Ip6Trie_LongestPrefixWinsAndExclusionsUnlist()
    {
        var data = ":127.0.0.2:v6 $\n::ffff:7f00:2\n2001:db8::/32 :3:doc\n2001:db8:1:2 :4:sixty-four\n!2001:db8::1\n";
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip6Trie, data);

        Assert.Equal(["127.0.0.2"], Codes(Ask(zones, Nibbles("::ffff:7f00:2") + ".bl.test")));
        Assert.Equal(["127.0.0.3"], Codes(Ask(zones, Nibbles("2001:db8::5") + ".bl.test")));
        Assert.Equal(["127.0.0.4"], Codes(Ask(zones, Nibbles("2001:db8:1:2::9") + ".bl.test")));
        Assert.Equal(ZoneAnswer.NameError, Ask(zones, Nibbles("2001:db8::1") + ".bl.test").ResponseCode);
        Assert.Equal(ZoneAnswer.NameError, Ask(zones, Nibbles("2001:db9::1") + ".bl.test").ResponseCode);
    }

    [Theory]
    [InlineData("test", true)]
    [InlineData("x.test", false)]
    [InlineData("spam.example", true)]
    [InlineData("a.b.spam.example", true)]
    [InlineData("phish.example", false)]
    [InlineData("login.phish.example", true)]
    [InlineData("www.phish.example", false)]
    public void Lookup_DnSet_ExactWildcardAndExclusion(string domain, bool listed)
    {
        var zones = new ZoneSet().Add("dbl.test", ZoneDatasetType.DnSet, "test\n.spam.example\n*.phish.example\n!www.phish.example\n");

        Assert.Equal(listed, Ask(zones, domain + ".dbl.test").ResponseCode == ZoneAnswer.NoError);
    }

    [Fact]
    public void Lookup_DnSetText_SubstitutesListedDomain()
    {
        var zones = new ZoneSet().Add("dbl.test", ZoneDatasetType.DnSet, ":127.0.1.2:Domain $ listed\n.spam.example\n");

        Assert.Equal("Domain spam.example listed", Assert.Single(Ask(zones, "mail.spam.example.dbl.test", DnsRecordType.TXT).Answers).Text);
    }

    [Fact]
    public void Lookup_Generic_ServesRecordsWithTtl()
    {
        var zones = new ZoneSet().Add("ns.test", ZoneDatasetType.Generic, "ns1 3000 A 127.0.0.53\n@ TXT \"hello\"\nmx MX 10 mail.ns.test\nv6 AAAA ::1\n");

        var a = Assert.Single(Ask(zones, "ns1.ns.test").Answers);
        Assert.Equal(IPAddress.Parse("127.0.0.53"), a.Address);
        Assert.Equal(3000u, a.TimeToLive);
        Assert.Equal("hello", Assert.Single(Ask(zones, "ns.test", DnsRecordType.TXT).Answers).Text);
        Assert.Equal(10, Assert.Single(Ask(zones, "mx.ns.test", ZoneRecord.MailExchange).Answers).Preference);
        Assert.Equal(ZoneAnswer.NameError, Ask(zones, "nope.ns.test").ResponseCode);
    }

    [Fact]
    public void Add_TwoDatasetsInOneZone_CombineAnswersAndTakeFirstSoa()
    {
        var zones = new ZoneSet()
            .Add("bl.test", ZoneDatasetType.Ip4Set, Soa + "127.0.0.2 :2:one\n")
            .Add("bl.test", ZoneDatasetType.Ip4Set, "$SOA 1h other.test h.other.test 9 1 1 1 1\n127.0.0.2 :10:two\n");

        Assert.Equal(["127.0.0.10", "127.0.0.2"], Codes(Ask(zones, "2.0.0.127.bl.test")));
        Assert.Equal(7u, Assert.Single(Ask(zones, "bl.test", DnsRecordType.SOA).Answers).Soa!.Serial);
    }

    [Fact]
    public void Remove_ServedZone_AnswersRefused()
    {
        var zones = new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, "127.0.0.2\n");

        Assert.True(zones.Remove("BL.test."));
        Assert.Equal(ZoneAnswer.Refused, Ask(zones, "2.0.0.127.bl.test").ResponseCode);
    }

    [Theory]
    [InlineData("0.0.0.0/0", 2)]
    [InlineData("127.0.0.300", 2)]
    [InlineData("127.0.0.2 :127.0.0.999:x", 2)]
    [InlineData("$SOA 1h ns", 2)]
    [InlineData("$BOGUS x", 2)]
    public void Add_BadLine_ThrowsNamingTheLine(string badLine, int lineNumber)
    {
        var exception = Assert.Throws<ZoneParseException>(() => new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, "127.0.0.2\n" + badLine));

        Assert.Equal(lineNumber, exception.LineNumber);
        Assert.Contains(badLine, exception.Message, StringComparison.Ordinal);
    }

    internal static string Nibbles(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        return string.Join('.', bytes.SelectMany(b => new[] { b >> 4, b & 0xF }).Reverse().Select(n => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
