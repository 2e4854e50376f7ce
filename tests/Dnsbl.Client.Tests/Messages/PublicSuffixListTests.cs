using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class PublicSuffixListTests
{
    private static readonly PublicSuffixList List = PublicSuffixList.Embedded;

    [Theory]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("example.co.uk", "example.co.uk")]
    [InlineData("a.b.c.example.com", "example.com")]
    [InlineData("WWW.Example.COM.", "example.com")]
    [InlineData("foo.bar.kobe.jp", "foo.bar.kobe.jp")]       // *.kobe.jp: bar.kobe.jp is a suffix
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]         // !city.kobe.jp exception
    [InlineData("www.ck", "www.ck")]                         // !www.ck exception of *.ck
    [InlineData("a.b.ck", "a.b.ck")]                         // *.ck: b.ck is a suffix
    [InlineData("host.unlistedtld", "host.unlistedtld")]    // implicit "*" rule
    public void GetRegisteredDomain_KnownCases_FollowPslAlgorithm(string host, string expected)
        => Assert.Equal(expected, List.GetRegisteredDomain(host));

    [Theory]
    [InlineData("co.uk")]
    [InlineData("com")]
    [InlineData("b.ck")]
    [InlineData("github.io")]
    [InlineData("")]
    [InlineData("a..b.com")]
    public void GetRegisteredDomain_SuffixOrInvalid_IsNull(string host)
        => Assert.Null(List.GetRegisteredDomain(host));

    [Fact]
    public void GetRegisteredDomain_PrivateSectionIncluded_KeepsUserLabel()
        => Assert.Equal("user.github.io", List.GetRegisteredDomain("www.user.github.io", icannOnly: false));

    [Fact]
    public void GetRegisteredDomain_IcannOnly_IgnoresPrivateSuffix()
        => Assert.Equal("github.io", List.GetRegisteredDomain("www.user.github.io", icannOnly: true));

    [Fact]
    public void GetRegisteredDomain_UnicodeIdnTld_MatchesInPunycode()
    {
        // "公司.cn" is an ICANN rule written in Unicode in the file; hosts are matched and returned in punycode.
        Assert.Equal("xn--fiqs8s.xn--55qx5d.cn", List.GetRegisteredDomain("www.中国.公司.cn"));
        Assert.Equal("xn--fiqs8s.xn--55qx5d.cn", List.GetRegisteredDomain("www.xn--fiqs8s.xn--55qx5d.cn"));
    }

    [Fact]
    public void GetRegisteredDomain_IdnTopLevel_IsASuffix()
    {
        Assert.Null(List.GetRegisteredDomain("рф"));
        Assert.Equal("xn--d1acufc.xn--p1ai", List.GetRegisteredDomain("www.домен.рф"));
    }

    [Fact]
    public void GetPublicSuffix_CoUk_ReturnsSuffix()
        => Assert.Equal("co.uk", List.GetPublicSuffix("www.example.co.uk"));

    [Fact]
    public void Embedded_LoadsThousandsOfRules()
        => Assert.True(List.RuleCount > 5000, $"only {List.RuleCount} rules");

    [Fact]
    public void Load_CustomListWithSections_RespectsIcannOnly()
    {
        const string Text = """
            // ===BEGIN ICANN DOMAINS===
            test
            *.wild.test
            !keep.wild.test
            // ===END ICANN DOMAINS===
            // ===BEGIN PRIVATE DOMAINS===
            hosting.test
            // ===END PRIVATE DOMAINS===
            """;
        var list = PublicSuffixList.Load(new StringReader(Text));
        Assert.Equal("me.hosting.test", list.GetRegisteredDomain("www.me.hosting.test"));
        Assert.Equal("hosting.test", list.GetRegisteredDomain("www.me.hosting.test", icannOnly: true));
        Assert.Equal("x.y.wild.test", list.GetRegisteredDomain("a.x.y.wild.test"));
        Assert.Equal("keep.wild.test", list.GetRegisteredDomain("a.keep.wild.test"));
    }

    [Fact]
    public void LoadFile_SystemOrCopiedFile_Loads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "psl-test.dat");
        File.WriteAllText(path, "com\n*.example\n");
        var list = PublicSuffixList.LoadFile(path);
        Assert.Equal("a.b.example", list.GetRegisteredDomain("www.a.b.example"));
    }

    [Fact]
    public void Load_NoRules_ThrowsInvalidData()
        => Assert.Throws<InvalidDataException>(() => PublicSuffixList.Load(new StringReader("// only a comment\n\n")));

    [Fact]
    public void Embedded_ParallelFirstUse_ReturnsSameInstance()
    {
        var instances = new PublicSuffixList[8];
        Parallel.For(0, instances.Length, i => instances[i] = PublicSuffixList.Embedded);
        Assert.All(instances, instance => Assert.Same(instances[0], instance));
    }

    [Theory]
    [InlineData("za", true)] // only org.za, co.za... are rules
    [InlineData("com", true)]
    [InlineData("bd", true)] // only *.bd
    [InlineData("cf", true)]
    [InlineData("pm2", false)]
    [InlineData("notatld", false)]
    public void IsTopLevelDomain_LastLabelOfSomeRule_True(string label, bool expected) =>
        Assert.Equal(expected, PublicSuffixList.Embedded.IsTopLevelDomain(label));
}
