using System.Text.Json;
using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class DnsblConfigurationJsonTests
{
    [Fact]
    public void Write_PostfixImport_ProducesTheDocumentedShape()
    {
        var json = DnsblConfigurationJson.Write(PostfixImporter.Import("""
            postscreen_dnsbl_threshold = 3
            postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*3 list.dnswl.org=127.0.[0..255].[1..3]*-2
            postscreen_dnsbl_allowlist_threshold = -1
            """));
        const string expected = """
            {
              "Dnsbl": {
                "Lists": [
                  {
                    "Name": "zen.spamhaus.org",
                    "Zone": "zen.spamhaus.org",
                    "Kind": "IpBlockList",
                    "Rules": [
                      {
                        "Filter": "127.0.0.[2..11]",
                        "Weight": 3
                      }
                    ]
                  },
                  {
                    "Name": "list.dnswl.org",
                    "Zone": "list.dnswl.org",
                    "Kind": "IpAllowList",
                    "Rules": [
                      {
                        "Filter": "127.0.[0..255].[1..3]",
                        "Weight": -2
                      }
                    ]
                  }
                ],
                "Thresholds": {
                  "Reject": 3,
                  "Tag": null,
                  "AllowList": -1
                }
              }
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_CatalogueLists_RoundTripsFiltersAndSettings()
    {
        using var document = JsonDocument.Parse(DnsblConfigurationJson.Write(DnsblCatalogue.Entries.Select(e => e.List)));
        var lists = document.RootElement.GetProperty("Dnsbl").GetProperty("Lists");
        Assert.Equal(DnsblCatalogue.Entries.Count, lists.GetArrayLength());
        Assert.False(document.RootElement.GetProperty("Dnsbl").TryGetProperty("Thresholds", out _));
        foreach (var (element, entry) in lists.EnumerateArray().Zip(DnsblCatalogue.Entries))
        {
            Assert.Equal(entry.List.Zone, element.GetProperty("Zone").GetString());
            var filters = element.GetProperty("Rules").EnumerateArray()
                .Select(r => ReturnCodeFilter.Parse(r.GetProperty("Filter").GetString()!));
            Assert.Equal(entry.List.Rules.Select(r => r.Filter), filters);
        }

        var dbl = lists.EnumerateArray().Single(l => l.GetProperty("Zone").GetString() == "dbl.spamhaus.org");
        Assert.Equal("FullHostName", dbl.GetProperty("DomainForm").GetString());
        Assert.Equal("dbltest.com", dbl.GetProperty("ProbePoints")[0].GetProperty("Key").GetString());
        var uribl = lists.EnumerateArray().Single(l => l.GetProperty("Zone").GetString() == "multi.uribl.com");
        Assert.Equal("anybits:0x2", uribl.GetProperty("Rules")[0].GetProperty("Filter").GetString());
        Assert.Equal("URIBL_BLACK", uribl.GetProperty("Rules")[0].GetProperty("Name").GetString());
    }

    [Fact]
    public void Write_DomainSettings_UseEnumNames()
    {
        var list = new DnsList("rhsbl.example.test", DnsListKind.DomainBlockList)
        {
            DomainSources = DomainSources.Helo | DomainSources.MailFrom,
            Relays = RelaySelection.LastExternal,
            Timeout = TimeSpan.FromSeconds(2),
        };
        using var document = JsonDocument.Parse(DnsblConfigurationJson.Write([list]));
        var element = document.RootElement.GetProperty("Dnsbl").GetProperty("Lists")[0];
        Assert.Equal("Helo, MailFrom", element.GetProperty("DomainSources").GetString());
        Assert.Equal("LastExternal", element.GetProperty("Relays").GetString());
        Assert.Equal("00:00:02", element.GetProperty("Timeout").GetString());
        Assert.False(element.TryGetProperty("Rules", out _));
    }
}
