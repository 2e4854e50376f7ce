using Dnsbl.Client.Resilience;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dnsbl.Client.Tests.Resilience;

public sealed class ResolverFactoryTests
{
    [Fact]
    public async Task Create_OneServerOneAttempt_BuildsWithoutRetryStage()
    {
        await using var resolver = ResolverFactory.Create(["127.0.0.1:53"], attemptTimeout: null, attempts: 1, useCaseRandomization: false, new TestTimeProvider(), NullLoggerFactory.Instance);

        Assert.IsType<FailoverResolver>(resolver);
    }
}
