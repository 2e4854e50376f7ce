using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Tests.Dns;

/// <summary>resolv.conf's <c>options timeout:n attempts:n</c> fill in what the caller left unset, with the system nameservers only.</summary>
public sealed class DnsStubResolverResolvConfTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Create_NoNameserversAndTimeoutsUnset_AppliesResolvConfOptions()
    {
        File.WriteAllText(_path, "nameserver 127.0.0.53\noptions timeout:3 attempts:4\n");

        await using var resolver = DnsStubResolver.Create([], null, null, TimeProvider.System, null, _path);

        Assert.Equal(TimeSpan.FromSeconds(3), resolver.Options.AttemptTimeout);
        Assert.Equal(4, resolver.Options.Attempts);
    }

    [Fact]
    public async Task Create_NoNameserversAndTimeoutsSet_ExplicitValuesWin()
    {
        File.WriteAllText(_path, "nameserver 127.0.0.53\noptions timeout:3 attempts:4\n");

        await using var resolver = DnsStubResolver.Create([], TimeSpan.FromMilliseconds(500), 1, TimeProvider.System, null, _path);

        Assert.Equal(TimeSpan.FromMilliseconds(500), resolver.Options.AttemptTimeout);
        Assert.Equal(1, resolver.Options.Attempts);
    }

    [Fact]
    public async Task Create_OnlyOneOptionInResolvConf_OtherFallsBackToDefault()
    {
        File.WriteAllText(_path, "nameserver 127.0.0.53\noptions attempts:3\n");

        await using var resolver = DnsStubResolver.Create([], null, null, TimeProvider.System, null, _path);

        Assert.Equal(TimeSpan.FromSeconds(1), resolver.Options.AttemptTimeout);
        Assert.Equal(3, resolver.Options.Attempts);
    }

    [Fact]
    public async Task Create_ResolvConfOptionsBeyondGlibcCaps_CappedAt30SecondsAnd5Attempts()
    {
        File.WriteAllText(_path, "nameserver 127.0.0.53\noptions timeout:600 attempts:50\n");

        await using var resolver = DnsStubResolver.Create([], null, null, TimeProvider.System, null, _path);

        Assert.Equal(TimeSpan.FromSeconds(30), resolver.Options.AttemptTimeout);
        Assert.Equal(5, resolver.Options.Attempts);
    }

    [Fact]
    public async Task Create_ExplicitNameservers_ResolvConfOptionsIgnoredDefaultsApply()
    {
        File.WriteAllText(_path, "nameserver 127.0.0.53\noptions timeout:3 attempts:4\n");

        await using var resolver = DnsStubResolver.Create(["127.0.0.1:5353"], null, null, TimeProvider.System, null, _path);

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 5353)], resolver.Options.Servers);
        Assert.Equal(TimeSpan.FromSeconds(1), resolver.Options.AttemptTimeout);
        Assert.Equal(2, resolver.Options.Attempts);
    }

    [Fact]
    public async Task Create_MissingResolvConf_FallbackServerAndDefaults()
    {
        File.Delete(_path);

        await using var resolver = DnsStubResolver.Create([], null, null, TimeProvider.System, null, _path);

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 53)], resolver.Options.Servers);
        Assert.Equal(TimeSpan.FromSeconds(1), resolver.Options.AttemptTimeout);
        Assert.Equal(2, resolver.Options.Attempts);
    }

    [Fact]
    public void DnsblOptions_Defaults_LeaveTimeoutAndAttemptsUnsetAndValid()
    {
        var options = new DnsblOptions();

        Assert.Null(options.AttemptTimeout);
        Assert.Null(options.Attempts);
        Assert.Empty(Dnsbl.Client.Configuration.DnsblOptionsValidation.Validate(options));
    }
}
