using System.Net.Sockets;
using System.Net;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>The source-port pool: several ports at once, each replaced by count or by age (RFC 5452 §9.2).</summary>
public sealed class DnsUdpTransportPortPoolTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ExchangeAsync_ManySequentialQueries_LeaveFromEverySocketOfThePool()
    {
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsUdpTransport(TimeProvider.System, socketsPerFamily: 8);

        // 200 random picks among 8 sockets miss one with probability 8 × (7/8)^200 ≈ 2e-11.
        for (int i = 0; i < 200; i++)
        {
            var result = await transport.ExchangeAsync(new DnsQuestion($"q{i}.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None);
            Assert.Equal(DnsExchangeStatus.Response, result.Status);
        }

        Assert.Equal(8, responder.SourcePorts.Count);
        Assert.Equal(8, transport.Statistics.SocketsOpened);
    }

    [Fact]
    public async Task ExchangeAsync_SocketOlderThanMaxAge_MovesToAFreshPort()
    {
        var time = new FakeTimeProvider();
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsUdpTransport(time, socketsPerFamily: 1, maxSocketAge: TimeSpan.FromSeconds(60));

        await AskAsync(transport, responder, "first.test");
        time.Advance(TimeSpan.FromSeconds(59));
        await AskAsync(transport, responder, "second.test");
        Assert.Single(responder.SourcePorts);

        time.Advance(TimeSpan.FromSeconds(1));
        await AskAsync(transport, responder, "third.test");

        Assert.Equal(2, responder.SourcePorts.Count);
        Assert.Equal(2, transport.Statistics.SocketsOpened);
    }

    [Fact]
    public async Task ReceiveLoop_HandlingADatagramThrows_ThreadSurvivesAndAnswersTheNextReply()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            // Two copies of the reply: the first one's handling throws, the second is accepted.
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsUdpTransport(TimeProvider.System, socketsPerFamily: 1);
        var faults = 0;
        transport.DatagramFault = () =>
        {
            if (Interlocked.Increment(ref faults) == 1)
            {
                throw new InvalidOperationException("a bug met by one datagram");
            }
        };

        var result = await transport.ExchangeAsync(new DnsQuestion("q.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
        Assert.Equal(1, transport.Statistics.ReceiveFaults);
        await AskAsync(transport, responder, "again.test");
    }

    [Fact]
    public async Task ReceiveLoop_ZeroLengthDatagramBeforeAReply_ReadsItAndStillAcceptsTheReply()
    {
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsUdpTransport(TimeProvider.System, socketsPerFamily: 1);
        await AskAsync(transport, responder, "first.test");
        int port = Assert.Single(responder.SourcePorts.Keys);

        // An empty datagram counts 0 bytes waiting yet keeps the socket readable: left unread it would sit before every
        // later reply (and spin the wait); read blindly, a datagram the kernel dropped after the wake would hang it.
        using (var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            attacker.SendTo([], new IPEndPoint(IPAddress.Loopback, port));
        }

        await AskAsync(transport, responder, "second.test");
        Assert.Equal(1, transport.Statistics.MismatchedReplies);
    }

    [Fact]
    public async Task Finalizer_TransportDroppedWithoutDispose_ReleasesItsSourcePort()
    {
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await UseAndDropAsync(responder);
        int port = Assert.Single(responder.SourcePorts.Keys);

        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // The finalizer closed the socket: its port can be bound again.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Assert.Equal(port, ((IPEndPoint)probe.LocalEndPoint!).Port);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task UseAndDropAsync(LoopbackDnsResponder responder)
    {
        var transport = new DnsUdpTransport(TimeProvider.System, socketsPerFamily: 1);
        await AskAsync(transport, responder, "dropped.test");
    }

    private static async Task AskAsync(DnsUdpTransport transport, LoopbackDnsResponder responder, string name)
    {
        var result = await transport.ExchangeAsync(new DnsQuestion(name, DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None);
        Assert.Equal(DnsExchangeStatus.Response, result.Status);
    }
}
