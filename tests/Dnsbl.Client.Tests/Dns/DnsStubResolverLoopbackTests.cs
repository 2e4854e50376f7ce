using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Dns;

public sealed class DnsStubResolverLoopbackTests
{
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.example", DnsRecordType.A);

    [Fact]
    public async Task ResolveAsync_FirstServerRefusesOverUdp_SecondServerAnswers()
    {
        await using var refusing = LoopbackDnsResponder.Start(exchange => exchange.Reply(DnsMessage.CreateResponse(exchange.Query, DnsResponseCode.Refused)));
        await using var answering = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var resolver = DnsStubResolver.Create(
            [refusing.EndPoint.ToString(), answering.EndPoint.ToString()], TimeSpan.FromSeconds(10), 1, TimeProvider.System, logger: null);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(answering.EndPoint, result.Server);
        Assert.Equal(1, refusing.UdpQueries);
    }

    [Fact]
    public async Task ResolveAsync_FirstServerSilent_TimesOutThenSecondServerAnswers()
    {
        var time = new FakeTimeProvider();
        await using var silent = LoopbackDnsResponder.Start(_ => { });
        await using var answering = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var resolver = DnsStubResolver.Create(
            [silent.EndPoint.ToString(), answering.EndPoint.ToString()], TimeSpan.FromSeconds(1), 1, time, logger: null);

        var pending = resolver.ResolveAsync(Question, CancellationToken.None).AsTask();
        await silent.FirstQueryReceived.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(answering.EndPoint, result.Server);
    }

    [Fact]
    public void Create_NoNameservers_UsesResolvConfServers()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "nameserver 127.0.0.53\n");

            var resolver = DnsStubResolver.Create([], TimeSpan.FromSeconds(1), 2, TimeProvider.System, null, path);

            Assert.Equal([new IPEndPoint(IPAddress.Parse("127.0.0.53"), 53)], resolver.Options.Servers);
            Assert.Equal(2, resolver.Options.Attempts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_HostNameAsNameserver_ThrowsFormatException()
    {
        var exception = Assert.Throws<FormatException>(() => DnsStubResolver.Create(["dns.example"], TimeSpan.FromSeconds(1), 2, TimeProvider.System, null));

        Assert.Contains("host name", exception.Message, StringComparison.Ordinal);
    }
}
