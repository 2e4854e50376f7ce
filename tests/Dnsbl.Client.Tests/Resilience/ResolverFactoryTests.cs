using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Resilience;

public sealed class ResolverFactoryTests
{
    [Fact]
    public async Task Create_OneServerOneAttempt_BuildsWithoutRetryStage()
    {
        var options = new DnsblOptions { Lists = [new DnsList("bl.test")], Nameservers = ["127.0.0.1:53"], Attempts = 1 };

        await using var resolver = ResolverFactory.Create(options, new FakeTimeProvider(), NullLoggerFactory.Instance);

        Assert.IsType<FailoverResolver>(resolver);
    }
}
