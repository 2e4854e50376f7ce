using System.Net;
using System.Reflection;
using System.Text.Json;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Tests.DependencyInjection;

/// <summary>
/// <c>Dnsbl:Message</c>: every settable <see cref="MessageOptions"/> property can be set from configuration, found by
/// reflection so a new option that configuration cannot reach fails here; the configuration JSON writer's output binds back.
/// </summary>
public sealed class MessageOptionsBindingTests : IDisposable
{
    private readonly string _suffixFile = Path.Combine(Path.GetTempPath(), $"psl-{Guid.NewGuid():N}.dat");

    public MessageOptionsBindingTests() => File.WriteAllText(_suffixFile, "// ===BEGIN ICANN DOMAINS===\nlab\nexample.lab\n");

    public void Dispose() => File.Delete(_suffixFile);

    [Fact]
    public void AddDnsbl_EveryMessageOptionInConfiguration_BindsEachValue()
    {
        var defaults = new MessageOptions();
        var samples = Settable().ToDictionary(p => p.Name, p => Sample(p, p.GetValue(defaults)));

        var bound = OptionsFromJson.Bind(JsonSerializer.Serialize(new { Dnsbl = new { Message = samples.ToDictionary(s => s.Key, s => s.Value.Json) } })).Message!;

        Assert.Contains(nameof(MessageOptions.MsaNetworks), samples.Keys);
        foreach (var property in Settable())
        {
            Assert.True(samples[property.Name].Matches(property.GetValue(bound)), $"Message:{property.Name} did not bind");
        }
    }

    [Fact]
    public void AddDnsbl_MessageKeysLeftOut_KeepTheirDefaults()
    {
        var bound = OptionsFromJson.Bind("""{ "Dnsbl": { "Message": { "AskReserved": true } } }""").Message!;

        Assert.True(bound.AskReserved);
        Assert.True(bound.DkimDomainsAsLinks);
        Assert.Equal(new MessageOptions().SkipDomains, bound.SkipDomains);
        Assert.Equal(new MessageOptions().MaxCheckedRelays, bound.MaxCheckedRelays);
    }

    [Fact]
    public void AddDnsbl_BadMessageValues_ReportsEachWithItsKey()
    {
        var failures = OptionsFromJson.Failures("""
            { "Dnsbl": { "Message": { "MsaNetworks": [ "10.0.0.0/33" ], "MaxCheckedRelays": -1, "AskReserved": "maybe", "PublicSuffixes": "/nonexistent/psl.dat", "Trusted": [] } } }
            """).ToList();

        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:MsaNetworks:0: '10.0.0.0/33' is not a network", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:MaxCheckedRelays: must be 0 or more", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:AskReserved: 'maybe' is not true or false", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:PublicSuffixes: the Public Suffix List file", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:Trusted: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDnsbl_BadRedirectorPattern_ReportsItWithItsKey()
    {
        var failures = OptionsFromJson.Failures("""
            { "Dnsbl": { "Message": { "RedirectorPatterns": [ "^https?://ok\\.example/(.*)", "(unclosed", "^no-group$" ] } } }
            """).ToList();

        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:RedirectorPatterns:1: the redirector pattern '(unclosed' is not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Message:RedirectorPatterns:2: the redirector pattern '^no-group$' has no group 1", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("RedirectorPatterns:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_EveryMessageOptionSet_BindsBackTheSame()
    {
        var message = new MessageOptions
        {
            TrustedNetworks = [IPNetwork.Parse("203.0.113.0/24")],
            InternalNetworks = [IPNetwork.Parse("203.0.113.0/25")],
            MsaNetworks = [IPNetwork.Parse("2001:db8::/32")],
            OriginatingIpHeaders = ["X-Originating-IP"],
            MaxCheckedRelays = 3,
            AskReserved = true,
            IncludeMailtoLinks = true,
            DkimDomainsAsLinks = false,
            MaxUriDomains = 5,
            BodyPartScanSize = 0,
            SkipDomains = [],
            RedirectorPatterns = [@"(?i)^https?://r\.example\.net/go\?u=(.*)"],
        };
        var json = DnsblConfigurationJson.Write(new DnsblImportResult([new DnsList("bl.test")], new DnsblThresholds(), []) { MessageOptions = message });

        var bound = OptionsFromJson.Bind(json).Message!;

        foreach (var property in Settable().Where(p => p.Name != nameof(MessageOptions.PublicSuffixes)))
        {
            Assert.True(Same(property.GetValue(message), property.GetValue(bound)), $"Message:{property.Name} did not round-trip");
        }
    }

    private static IEnumerable<PropertyInfo> Settable() =>
        typeof(MessageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private sealed record SampleValue(object Json, Func<object?, bool> Matches);

    /// <summary>A value unlike the default, as JSON and as a test of the bound value.</summary>
    private SampleValue Sample(PropertyInfo property, object? current) => property.PropertyType switch
    {
        _ when property.Name == nameof(MessageOptions.RedirectorPatterns) => new(new[] { @"^http://r\.lab/(.*)" }, v => Same(v, new[] { @"^http://r\.lab/(.*)" })),
        var t when t == typeof(bool) => new(!(bool)current!, v => Equals(v, !(bool)current!)),
        var t when t == typeof(int) => new((int)current! + 3, v => Equals(v, (int)current! + 3)),
        var t when t == typeof(IReadOnlyList<IPNetwork>) => new(new[] { "198.51.100.0/24" }, v => Same(v, new[] { IPNetwork.Parse("198.51.100.0/24") })),
        var t when t == typeof(IReadOnlyList<string>) => new(new[] { "sample.lab" }, v => Same(v, new[] { "sample.lab" })),
        var t when t == typeof(PublicSuffixList) => new(_suffixFile, v => v is PublicSuffixList list && list.GetRegisteredDomain("a.b.example.lab") == "b.example.lab"),
        _ => throw new InvalidOperationException($"No configuration sample for Message:{property.Name} ({property.PropertyType}): add one, and check it binds."),
    };

    private static bool Same(object? expected, object? actual) =>
        expected is System.Collections.IEnumerable items && actual is System.Collections.IEnumerable others && expected is not string
            ? items.Cast<object>().SequenceEqual(others.Cast<object>())
            : Equals(expected, actual);
}
