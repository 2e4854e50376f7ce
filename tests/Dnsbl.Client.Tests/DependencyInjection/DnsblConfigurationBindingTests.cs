using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Tests.DependencyInjection;

public sealed class DnsblConfigurationBindingTests
{
    [Fact]
    public void Bind_CatalogueNamesListObjectsAndSites_BuildsListsInOrder()
    {
        var options = OptionsFromJson.Bind("""
            { "Dnsbl": {
                "Lists": [
                  "spamhaus-zen",
                  { "Name": "local", "Zone": "BL.Example.", "Kind": "IpBlockList", "FetchText": true, "Timeout": "00:00:02",
                    "Rules": [ { "Filter": "127.0.0.[2..11]", "Weight": 3, "Name": "SBL", "Mode": "AllRecords" }, { "Weight": 0.5 } ],
                    "ErrorCodes": [ "127.0.1.255" ], "ProbePoints": [ { "Key": "127.0.0.9", "ExpectListed": true } ] },
                  { "Zone": "dbl.example", "Kind": "DomainBlockList", "DomainForm": "FullHostName", "DomainSources": "Helo, MailFrom" }
                ],
                "Sites": "wl.example=127.0.[0..255].[1..3]*-2, bl2.example*2",
                "Nameservers": "127.0.0.1:5353, [::1]",
                "AttemptTimeout": "00:00:00.500", "Attempts": 3, "Deadline": "00:00:04", "ErrorPolicy": "Exclude",
                "Thresholds": { "Reject": 6, "Tag": null, "AllowList": -2 },
                "Cache": { "Enabled": false, "SizeLimit": 500 },
                "Health": { "Enabled": false, "UnreachableThreshold": 5 } } }
            """);

        Assert.Equal(["zen.spamhaus.org", "local", "dbl.example", "wl.example", "bl2.example"], options.Lists.Select(l => l.Name));
        Assert.Same(DnsblCatalogue.SpamhausZen, options.Lists[0]);
        var local = options.Lists[1];
        Assert.Equal("bl.example", local.Zone);
        Assert.True(local.FetchText);
        Assert.Equal(TimeSpan.FromSeconds(2), local.Timeout);
        Assert.Equal(new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[2..11]"), 3) { Name = "SBL", Mode = RecordMatchMode.AllRecords }, local.Rules[0]);
        Assert.Equal(new ReturnCodeRule(null, 0.5), local.Rules[1]);
        Assert.Equal([ReturnCodeFilter.Parse("127.0.1.255")], local.ErrorCodes);
        Assert.Equal([new ProbePoint("127.0.0.9", true)], local.ProbePoints);
        Assert.Equal(DomainQueryForm.FullHostName, options.Lists[2].DomainForm);
        Assert.Equal(DomainSources.Helo | DomainSources.MailFrom, options.Lists[2].DomainSources);
        Assert.Equal(DnsListKind.IpAllowList, options.Lists[3].Kind);
        Assert.Equal(2, options.Lists[4].Rules[0].Weight);
        Assert.Equal(["127.0.0.1:5353", "[::1]"], options.Nameservers);
        Assert.Equal((TimeSpan.FromMilliseconds(500), 3, TimeSpan.FromSeconds(4)), (options.AttemptTimeout, options.Attempts, options.Deadline));
        Assert.Equal((6d, (double?)null, (double?)-2), (options.Thresholds.Reject, options.Thresholds.Tag, options.Thresholds.AllowList));
        Assert.Equal((false, 500), (options.Cache.Enabled, options.Cache.SizeLimit));
        Assert.Equal((false, 5), (options.Health.Enabled, options.Health.UnreachableThreshold));
    }

    [Fact]
    public void Bind_WhatDnsblConfigurationJsonWrites_ReadsBackTheSameLists()
    {
        DnsList[] lists =
        [
            DnsblCatalogue.SpamhausZen,
            new DnsList("uri.example", DnsListKind.UriBlockList) { QueriesIpAddresses = true, KeyHash = KeyHashAlgorithm.Sha256, KeyHashEncoding = KeyHashEncoding.Base32, KeyHashLength = 32 },
            new DnsList("relay.example") { Relays = RelaySelection.LastExternal, Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("!127.0.0.4"), 1.5)] },
        ];
        var json = DnsblConfigurationJson.Write(lists, new DnsblThresholds { Reject = 5, Tag = 3 });

        var options = OptionsFromJson.Bind(json);

        Assert.Equal(json, DnsblConfigurationJson.Write(options.Lists, options.Thresholds));
    }

    [Fact]
    public void Bind_BadFilterAndRetiredListAndUnknownKey_FailuresNameEachKey()
    {
        var failures = OptionsFromJson.Failures("""
            { "Dnsbl": {
                "Lists": [ "spamhaus-zen", "sorbs", { "Zone": "bl.example", "Rules": [ { "Filter": "127.0.0.300", "Weight": 1 } ] } ],
                "Deadlne": "00:00:01" } }
            """);

        Assert.Equal(
            [
                "Dnsbl:Lists:1: the list 'sorbs' is retired and must not be queried: SORBS was shut down by its owner Proofpoint in 2024; its zones must not be queried.",
                "Dnsbl:Lists:2:Rules:0:Filter: '127.0.0.300': octet 4: 300 is not in 0..255",
                "Dnsbl:Deadlne: 'ErrorOnUnknownConfiguration' was set on the provided BinderOptions, but the following properties were not found on the instance of Dnsbl.Client.DnsblOptions: 'Deadlne'",
            ],
            failures);
    }

    [Fact]
    public void Bind_BadValuesAndCrossFieldProblems_FailuresNameConfigurationKeys()
    {
        var failures = OptionsFromJson.Failures("""
            { "Dnsbl": {
                "Lists": [ { "Zone": "bl.example", "Kind": "IpBlocklist2", "Timeout": "soon" }, { "Name": "x", "Zone": "a..b" }, "no-such-list" ],
                "Sites": "bl.example*heavy",
                "Nameservers": [ "dns.example" ],
                "Attempts": 0,
                "Thresholds": { "Reject": 2, "Tag": 4 } } }
            """).ToList();

        Assert.Equal("Dnsbl:Lists:0:Kind: 'IpBlocklist2' is not one of IpBlockList, IpAllowList, DomainBlockList, DomainAllowList, UriBlockList", failures[0]);
        Assert.Equal("Dnsbl:Lists:0:Timeout: 'soon' is not a time span; write it as hh:mm:ss[.fff], e.g. 00:00:02", failures[1]);
        Assert.StartsWith("Dnsbl:Lists:1:Zone: 'a..b' is not a valid zone: ", failures[2]);
        Assert.StartsWith("Dnsbl:Lists:2: 'no-such-list' is not in the DNS list catalogue; known names: spamhaus-zen, ", failures[3]);
        Assert.Equal("Dnsbl:Sites: Invalid DNSBL site \"bl.example*heavy\": weight 'heavy' is not a number.", failures[4]);
        Assert.Equal("Dnsbl:Attempts: The field Attempts must be between 1 and 10.", failures[5]);
        Assert.Contains("Dnsbl:Thresholds:Tag (4) is greater than Dnsbl:Thresholds:Reject (2).", failures);
        Assert.Contains("Dnsbl:Nameservers:0 'dns.example': a host name; nameservers are given by address (host[:port], [v6]:port)", failures);
    }

    [Fact]
    public void Bind_DuplicateNames_FailsWithTheName()
    {
        var failures = OptionsFromJson.Failures("""{ "Dnsbl": { "Lists": [ "spamhaus-zen", { "Name": "zen.spamhaus.org", "Zone": "bl.example" } ] } }""");

        Assert.Equal(["Dnsbl:Lists: the name 'zen.spamhaus.org' is used 2 times; list names must be unique."], failures);
    }

    [Theory]
    [InlineData("Thresholds.Tag (4) is greater than Thresholds.Reject (2).", "Dnsbl:Thresholds:Tag (4) is greater than Dnsbl:Thresholds:Reject (2).")]
    [InlineData("Lists[3].Timeout (-00:00:01) must be positive.", "Dnsbl:Lists:3:Timeout (-00:00:01) must be positive.")]
    [InlineData("Cache.MinimumTtl, Cache.MaximumTtl: bad", "Dnsbl:Cache:MinimumTtl, Dnsbl:Cache:MaximumTtl: bad")]
    [InlineData("Dnsbl:Attempts: already qualified", "Dnsbl:Attempts: already qualified")]
    public void Qualify_ValidationMessage_UsesConfigurationKeys(string message, string expected) =>
        Assert.Equal(expected, ConfigurationKeys.Qualify(message, "Dnsbl"));
}
