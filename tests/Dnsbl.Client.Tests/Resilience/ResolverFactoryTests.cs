using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dnsbl.Client.Tests.Resilience;

public sealed class ResolverFactoryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Attempts = 1 once crashed the factory (a Polly retry of zero attempts); now it has no retry stage at all.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Create_ServerThatNeverAnswers_AsksExactlyTheConfiguredAttempts(int attempts)
    {
        await using var server = await InProcessDnsServer.StartAsync(
            "bl.test", ZoneDatasetType.Ip4Set, "127.0.0.2\n", new InProcessDnsServerOptions { OnQuery = _ => ServerAction.Drop });
        await using var resolver = ResolverFactory.Create(
            [server.EndPoint.ToString()], TimeSpan.FromMilliseconds(100), attempts, useCaseRandomization: false, TimeProvider.System, NullLoggerFactory.Instance);

        var result = await resolver.ResolveAsync(new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A), CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Equal(DnsLookupStatus.Timeout, result.Status);
        await server.WaitForQueriesAsync(attempts, CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(attempts, server.QueryCount); // the resolver has returned: no further attempt will come
    }
}
