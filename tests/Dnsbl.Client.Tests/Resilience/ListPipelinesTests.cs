using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Tests.Client;
using Dnsbl.Client.Tests.Dns.Fakes;
using static Dnsbl.Client.Tests.Resilience.ScriptedFailover;
using Polly.CircuitBreaker;

namespace Dnsbl.Client.Tests.Resilience;

public sealed class ListPipelinesTests
{
    [Fact]
    public async Task ResolveAsync_FailoverResolver_RetriesTheNextServerInsideTheBreaker()
    {
        var transport = new ScriptedDnsTransport((question, server) => server.Equals(First)
            ? DnsExchangeResult.TimedOut()
            : ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError));
        await using var resolver = ScriptedFailover.Create(transport, 1, First, Second);
        var pipelines = new ListPipelines(1, new TestTimeProvider());

        var result = await pipelines.ResolveAsync(0, resolver, Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.NameError, result.Status);
        Assert.Equal([First, Second], transport.ServersAsked);
    }

    [Fact]
    public async Task ResolveAsync_EveryLookupFailsOnEveryServer_OpensTheListsBreakerWithoutTouchingOthers()
    {
        var transport = new ScriptedDnsTransport((question, _) => question.Name.EndsWith(".dead.test", StringComparison.Ordinal)
            ? ScriptedDnsTransport.Respond(question, DnsResponseCode.ServerFailure)
            : ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError));
        await using var resolver = ScriptedFailover.Create(transport, 1, First, Second);
        var pipelines = new ListPipelines(2, new TestTimeProvider());
        var dead = new DnsQuestion("2.0.0.127.dead.test", DnsRecordType.A);

        for (var i = 0; i < ResilienceConstants.MinimumThroughput; i++)
        {
            Assert.Equal(DnsLookupStatus.ServerFailure, (await pipelines.ResolveAsync(0, resolver, dead, CancellationToken.None)).Status);
        }

        var askedBeforeOpen = transport.ServersAsked.Count;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => pipelines.ResolveAsync(0, resolver, dead, CancellationToken.None).AsTask());
        Assert.Equal(askedBeforeOpen, transport.ServersAsked.Count);
        Assert.Equal(2 * ResilienceConstants.MinimumThroughput, askedBeforeOpen); // both servers tried for every lookup
        Assert.Equal(DnsLookupStatus.NameError, (await pipelines.ResolveAsync(1, resolver, Question, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task ResolveAsync_FirstServerAlwaysFailsButSecondAnswers_BreakerJudgesTheFinalResultAndStaysClosed()
    {
        var transport = new ScriptedDnsTransport((question, server) => server.Equals(First)
            ? ScriptedDnsTransport.Respond(question, DnsResponseCode.ServerFailure)
            : ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError));
        await using var resolver = ScriptedFailover.Create(transport, 1, First, Second);
        var pipelines = new ListPipelines(1, new TestTimeProvider());

        for (var i = 0; i < 3 * ResilienceConstants.MinimumThroughput; i++)
        {
            Assert.Equal(DnsLookupStatus.NameError, (await pipelines.ResolveAsync(0, resolver, Question, CancellationToken.None)).Status);
        }
    }

    [Fact]
    public async Task ResolveAsync_OtherResolver_WrapsItWholeInTheBreaker()
    {
        var scripted = new ScriptedResolver().Failing("2.0.0.127.dead.test", DnsLookupStatus.Timeout);
        var pipelines = new ListPipelines(1, new TestTimeProvider());
        var dead = new DnsQuestion("2.0.0.127.dead.test", DnsRecordType.A);

        for (var i = 0; i < ResilienceConstants.MinimumThroughput; i++)
        {
            Assert.Equal(DnsLookupStatus.Timeout, (await pipelines.ResolveAsync(0, scripted, dead, CancellationToken.None)).Status);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => pipelines.ResolveAsync(0, scripted, dead, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ResolveAsync_CallerCancels_ThrowsOperationCanceledAndDoesNotCountAFailure()
    {
        var transport = new ScriptedDnsTransport((question, _) => ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError));
        await using var resolver = ScriptedFailover.Create(transport, 1, First);
        var pipelines = new ListPipelines(1, new TestTimeProvider());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        for (var i = 0; i < 2 * ResilienceConstants.MinimumThroughput; i++)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipelines.ResolveAsync(0, resolver, Question, cancelled.Token).AsTask());
        }

        Assert.Equal(DnsLookupStatus.NameError, (await pipelines.ResolveAsync(0, resolver, Question, CancellationToken.None)).Status);
    }
}
