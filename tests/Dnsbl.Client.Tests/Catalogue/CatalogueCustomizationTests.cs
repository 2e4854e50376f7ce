using System.Reflection;
using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Catalogue;

public sealed class CatalogueCustomizationTests
{
    private const string Key = "abcdefghij0123456789klmnop";

    [Theory]
    [InlineData("spamhaus-zen", "zen")]
    [InlineData("spamhaus-dbl", "dbl")]
    [InlineData("spamhaus-zrd", "zrd")]
    public void SpamhausDqs_Key_GoesIntoTheZoneButNeverTheName(string listName, string label)
    {
        var list = DnsblCatalogue.SpamhausDqs(Key, listName);
        Assert.Equal($"{Key}.{label}.dq.spamhaus.net", list.Zone);
        Assert.Equal($"{label}.dq.spamhaus.net", list.Name);
        Assert.DoesNotContain(Key, list.ToString(), StringComparison.Ordinal);
        Assert.Equal(DnsblCatalogue.Get(listName).Rules, list.Rules);
        Assert.Equal(DnsblCatalogue.Get(listName).ErrorCodes, list.ErrorCodes);
    }

    [Theory]
    [InlineData("has.dot")]
    [InlineData("")]
    [InlineData("with space")]
    public void SpamhausDqs_MalformedKey_ThrowsWithoutEchoingIt(string key)
    {
        var exception = Assert.Throws<ArgumentException>(() => DnsblCatalogue.SpamhausDqs(key, "spamhaus-zen"));
        if (key.Length > 0)
        {
            Assert.DoesNotContain(key, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SpamhausDqs_ListWithoutDqsForm_Throws() =>
        Assert.Throws<ArgumentException>(() => DnsblCatalogue.SpamhausDqs(Key, "spamcop"));

    [Fact]
    public void Customize_RuleMapping_ChangesOnlyWhatIsAsked()
    {
        var entry = DnsblCatalogue.GetEntry("spamhaus-zen");
        var custom = entry.Customize(rule => rule.Name == "PBL" ? null : rule with { Weight = 5 }, name: "zen", fetchText: true);
        Assert.Equal("zen", custom.Name);
        Assert.True(custom.FetchText);
        Assert.DoesNotContain(custom.Rules, r => r.Name == "PBL");
        Assert.All(custom.Rules, r => Assert.Equal(5, r.Weight));
        Assert.Equal(entry.List.ErrorCodes, custom.ErrorCodes);
        Assert.Equal(3.558, entry.List.Rules.Single(r => r.Name == "PBL").Weight);
    }

    [Fact]
    public void Customize_NewName_KeepsEveryOtherSetting()
    {
        var source = new DnsList("example.test", DnsListKind.UriBlockList)
        {
            Name = "shown",
            Rules = [new ReturnCodeRule(ReturnCodeFilter.AnyBits(2), 3) { Name = "X" }],
            ErrorCodes = [ReturnCodeFilter.Parse("127.0.0.1")],
            FetchText = true,
            Timeout = TimeSpan.FromSeconds(2),
            ProbePoints = [new ProbePoint("test.example", true)],
            DomainForm = DomainQueryForm.FullHostName,
            QueriesIpAddresses = true,
            DomainSources = DomainSources.Helo,
            Relays = RelaySelection.LastExternal,
            KeyHash = KeyHashAlgorithm.Sha256,
            KeyHashEncoding = KeyHashEncoding.Base32,
            KeyHashLength = 32,
        };
        var copy = new CatalogueEntry("x", source, "d", "t", "w", new Uri("https://example.test/")).Customize(name: "renamed");
        Assert.Equal("renamed", copy.Name);
        foreach (var property in typeof(DnsList).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(DnsList.Name)))
        {
            Assert.Equal(property.GetValue(source), property.GetValue(copy));
        }
    }
}
