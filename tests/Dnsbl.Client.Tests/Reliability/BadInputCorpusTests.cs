using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// Odd and hostile input to the public API: each either gets a typed exception that names the problem, or a
/// documented result (the query name asked is asserted). Nothing crashes, nothing hangs, nothing is asked that
/// should not be.
/// </summary>
public sealed class BadInputCorpusTests
{
    private const string IpZone = "bl.test";
    private const string DomainZone = "dbl.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string Nibbles0 = string.Join('.', Enumerable.Repeat("0", 32));

    /// <summary>Address text → the query name asked under bl.test (documented on <see cref="DnsblClient.CheckAsync"/>).</summary>
    public static TheoryData<string, string> Addresses => new()
    {
        { "127.0.0.2", "2.0.0.127.bl.test" },
        { "::ffff:127.0.0.2", "2.0.0.127.bl.test" },
        { "0.0.0.0", "0.0.0.0.bl.test" },
        { "255.255.255.255", "255.255.255.255.bl.test" },
        { "::", Nibbles0 + ".bl.test" },
        { "::1", "1." + string.Join('.', Enumerable.Repeat("0", 31)) + ".bl.test" },
        { "fe80::1%3", "1." + string.Join('.', Enumerable.Repeat("0", 27)) + ".0.8.e.f.bl.test" },
        { "fe80::1", "1." + string.Join('.', Enumerable.Repeat("0", 27)) + ".0.8.e.f.bl.test" },
        { "::ffff:0.0.0.0", "0.0.0.0.bl.test" },
    };

    /// <summary>Domain text → the normalised name checked, or null with a fragment the exception message must contain.</summary>
    public static TheoryData<string, string?, string> Domains => new()
    {
        { "example.com", "example.com", "" },
        { "EXAMPLE.Com.", "example.com", "" },
        { "bücher.example", "xn--bcher-kva.example", "" },
        { "ÜBER.example", "xn--ber-goa.example", "" },
        { "例え.テスト", "xn--r8jz45g.xn--zckzah", "" },
        { "example\u3002com", "example.com", "" },
        { "under_score.example", "under_score.example", "" },
        { "bl.test", "bl.test", "" },
        { "2.0.0.127.bl.test", "2.0.0.127.bl.test", "" },
        { "", null, "empty" },
        { ".", null, "root" },
        { "a..b", null, "label" },
        { ".leading.example", null, "label" },
        { new string('a', 64) + ".example", null, "64 octets" },
        { string.Join('.', Enumerable.Repeat(new string('a', 63), 5)), null, "the limit is 253" },
        { "*.example.com", null, "'*'" },
        { "exa\u0000mple.com", null, "" },
        { "exa\nmple.com", null, "" },
        { "exa\u007Fmple.com", null, "" },
        { "exa mple.com", null, "" },
        { "-bad.example", null, "'-'" },
        { "bad-.example", null, "'-'" },
        { "exam/ple.com", null, "'/'" },
        { "user@example.com", null, "'@'" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task CheckAsync_OddAddress_AsksDocumentedQueryName(string address, string expectedQuery)
    {
        await using var server = await InProcessDnsServer.StartAsync(new ZoneSet().Add(IpZone, ZoneDatasetType.Ip4Set, ":127.0.0.2:Listed\n127.0.0.2\n"));
        await using var client = Client(server, new DnsList(IpZone));

        var result = await client.CheckAsync(IPAddress.Parse(address)).AsTask().WaitAsync(Patience);

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(expectedQuery, outcome.QueryName);
        Assert.Equal(1, server.QueriesFor(expectedQuery));
        Assert.Equal(expectedQuery == "2.0.0.127.bl.test" ? ListOutcomeKind.Listed : ListOutcomeKind.NotListed, outcome.Kind);
        Assert.DoesNotContain("%", result.Input, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Domains))]
    public async Task CheckDomainAsync_CorpusInput_NormalisedOrTypedErrorNamingTheProblem(string domain, string? normalized, string fragment)
    {
        await using var server = await InProcessDnsServer.StartAsync(
            new ZoneSet().Add(IpZone, ZoneDatasetType.Ip4Set, "127.0.0.2\n"),
            new InProcessDnsServerOptions { OnQuery = _ => ServerAction.Respond(3) });
        await using var client = Client(server, new DnsList(DomainZone, DnsListKind.DomainBlockList) { DomainForm = DomainQueryForm.FullHostName });

        if (normalized is null)
        {
            var error = await Assert.ThrowsAsync<DnsblInputException>(() => client.CheckDomainAsync(domain).AsTask());
            Assert.Equal(domain, error.Input);
            Assert.Contains($"'{domain}'", error.Message, StringComparison.Ordinal);
            Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
            Assert.Equal(0, server.QueryCount);
            return;
        }

        var result = await client.CheckDomainAsync(domain).AsTask().WaitAsync(Patience);
        Assert.Equal(normalized, result.Input);
        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.NotListed, outcome.Kind);
        Assert.Equal($"{normalized}.{DomainZone}", outcome.QueryName);
    }

    [Fact]
    public async Task CheckDomainAsync_NameTooLongUnderZone_InvalidQueryNothingAsked()
    {
        var longest = string.Join('.', Enumerable.Repeat(new string('a', 61), 4)); // 247 characters: valid alone, too long under the zone
        await using var server = await InProcessDnsServer.StartAsync(new ZoneSet().Add(IpZone, ZoneDatasetType.Ip4Set, "127.0.0.2\n"));
        await using var client = Client(server, new DnsList(DomainZone, DnsListKind.DomainBlockList) { DomainForm = DomainQueryForm.FullHostName });

        var result = await client.CheckDomainAsync(longest).AsTask().WaitAsync(Patience);

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.Error, outcome.Kind);
        Assert.Equal(DnsblErrorKind.InvalidQuery, outcome.Error);
        Assert.Equal(0, server.QueryCount);
    }

    [Fact]
    public async Task CheckAsync_NullAndDisposed_TypedExceptions()
    {
        await using var server = await InProcessDnsServer.StartAsync(new ZoneSet().Add(IpZone, ZoneDatasetType.Ip4Set, "127.0.0.2\n"));
        var client = Client(server, new DnsList(IpZone));

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CheckAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CheckDomainAsync(null!).AsTask());
        await client.DisposeAsync();
        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CheckAsync(IPAddress.Loopback).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CheckDomainAsync("example.com").AsTask());
    }

    private static DnsblClient Client(InProcessDnsServer server, DnsList list)
    {
        var options = new DnsblOptions
        {
            Lists = [list],
            Nameservers = [$"127.0.0.1:{server.EndPoint.Port}"],
            // The in-process server answers at once; a long attempt costs nothing and keeps a reply that the loaded
            // thread pool reads late from turning into a timeout (as one did in SpoofingResistanceTests).
            AttemptTimeout = TimeSpan.FromSeconds(10),
            Attempts = 1,
            Deadline = TimeSpan.FromSeconds(15),
        };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        return new DnsblClient(options);
    }
}
