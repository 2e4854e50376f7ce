using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Tests.Dns.Fakes;
using static Dnsbl.Client.Tests.Resilience.ScriptedFailover;

namespace Dnsbl.Client.Tests.Resilience;

public sealed class FailoverResolverTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public async Task ResolveAsync_EveryAttemptTimesOut_MakesAttemptsTimesServersTriesWalkingTheServersInTurn(int attempts, int serverCount)
    {
        var transport = new ScriptedDnsTransport((_, _) => DnsExchangeResult.TimedOut());
        IPEndPoint[] servers = serverCount == 1 ? [First] : [First, Second];
        await using var resolver = ScriptedFailover.Create(transport, attempts, servers);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Timeout, result.Status);
        Assert.Equal(Enumerable.Range(0, attempts * serverCount).Select(i => servers[i % serverCount]), transport.ServersAsked);
    }

    [Fact]
    public async Task ResolveAsync_FirstAttemptAnswers_AsksOnlyTheFirstServer()
    {
        var transport = new ScriptedDnsTransport((question, _) => ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError));
        await using var resolver = ScriptedFailover.Create(transport, 2, First, Second);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.NameError, result.Status);
        Assert.Equal([First], transport.ServersAsked);
    }

    [Fact]
    public async Task ResolveAsync_SecondServerRefusesAndThirdTryAnswers_StopsAtTheAnswer()
    {
        var tries = 0;
        var transport = new ScriptedDnsTransport((question, _) => Interlocked.Increment(ref tries) switch
        {
            1 => DnsExchangeResult.TimedOut(),
            2 => ScriptedDnsTransport.Respond(question, DnsResponseCode.Refused),
            _ => ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError),
        });
        await using var resolver = ScriptedFailover.Create(transport, 3, First, Second);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.NameError, result.Status);
        Assert.Equal([First, Second, First], transport.ServersAsked);
    }

    [Fact]
    public async Task ResolveAsync_NameErrorFromTheFirstServer_IsAnAnswerNotAReasonToFailOver()
    {
        var transport = new ScriptedDnsTransport((question, server) => server.Equals(First)
            ? ScriptedDnsTransport.Respond(question, DnsResponseCode.NameError)
            : ScriptedDnsTransport.Respond(question));
        await using var resolver = ScriptedFailover.Create(transport, 2, First, Second);

        Assert.Equal(DnsLookupStatus.NameError, (await resolver.ResolveAsync(Question, CancellationToken.None)).Status);
        Assert.Single(transport.ServersAsked);
    }
}
