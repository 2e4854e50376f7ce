using System.Net;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>Replies that bend the protocol: truncation, opcodes, EDNS rejections (issue #16's smaller findings).</summary>
public sealed class DnsTransportProtocolTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.example", DnsRecordType.A);

    [Fact]
    public async Task ExchangeAsync_TruncatedReplyWhoseRestDoesNotParse_RetriesOverTcp()
    {
        await using var responder = LoopbackDnsResponder.Start(
            exchange =>
            {
                var cut = DnsMessage.CreateResponse(exchange.Query, DnsResponseCode.NoError, answers: ResponderExchange.AnswerA(exchange.Query, "127.0.0.9").Answers, truncated: true);
                exchange.Reply(cut.ToArray()[..^2]); // the answer record is cut short, as a truncating server may leave it
            },
            query => ResponderExchange.AnswerA(query, "127.0.0.4"));
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.True(result.UsedTcp);
        Assert.Equal(IPAddress.Parse("127.0.0.4"), Assert.Single(result.Response!.Answers).Address);
    }

    [Fact]
    public async Task ExchangeAsync_ReplyWithAnotherOpcode_IsDroppedAndTheRealOneAccepted()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var forged = ResponderExchange.AnswerA(exchange.Query, "127.0.0.9");
            var statusOpcode = new DnsMessage
            {
                Header = new DnsMessageHeader(forged.Header.Id, forged.Header.Flags, DnsOpcode.Status),
                Questions = forged.Questions,
                Answers = forged.Answers,
            };
            exchange.Reply(statusOpcode);
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, transport.Statistics.MismatchedReplies);
    }

    [Theory]
    [InlineData("badvers")]
    [InlineData("formerr-without-question")]
    [InlineData("notimp")]
    public async Task ExchangeAsync_ServerRejectsEdns_AsksOnceMoreWithoutOpt(string rejection)
    {
        var withOpt = 0;
        var withoutOpt = 0;
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            if (exchange.Query.EdnsUdpPayloadSize is null)
            {
                Interlocked.Increment(ref withoutOpt);
                exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
                return;
            }

            Interlocked.Increment(ref withOpt);
            exchange.Reply(Rejection(exchange.Query, rejection));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal((1, 1), (withOpt, withoutOpt));
    }

    [Fact]
    public async Task ExchangeAsync_BadversEvenWithoutOpt_IsAnErrorNotNoData()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange => exchange.Reply(Rejection(exchange.Query, "badvers")));
        await using var transport = new DnsTransport(TimeProvider.System);

        var exchange = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);
        var lookup = DnsResponseMapper.Map(Question, exchange, responder.EndPoint);

        Assert.Equal(DnsLookupStatus.OtherResponseCode, lookup.Status);
        Assert.Equal((int)DnsResponseCode.BadVersion, lookup.ResponseCode);
    }

    [Fact]
    public async Task ExchangeAsync_EveryReplyTruncated_NeverOpensMoreTcpConnectionsThanTheBound()
    {
        const int Bound = 4;
        DnsTransport? transport = null;
        var mostOpen = 0;
        await using var responder = LoopbackDnsResponder.Start(
            exchange => exchange.Reply(DnsMessage.CreateResponse(exchange.Query, DnsResponseCode.NoError, truncated: true)),
            query =>
            {
                int open = transport!.OpenTcpConnections;
                int seen;
                while (open > (seen = Volatile.Read(ref mostOpen)) && Interlocked.CompareExchange(ref mostOpen, open, seen) != seen)
                {
                }

                return ResponderExchange.AnswerA(query, "127.0.0.4");
            });
        await using (transport = new DnsTransport(TimeProvider.System, maxTcpConnections: Bound))
        {
            var exchanges = Enumerable.Range(0, 40)
                .Select(i => transport.ExchangeAsync(new DnsQuestion($"{i}.0.0.127.zen.example", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None).AsTask())
                .ToArray();
            var results = await Task.WhenAll(exchanges).WaitAsync(Patient * 3);

            Assert.All(results, r => Assert.True(r.UsedTcp && r.Status == DnsExchangeStatus.Response, $"{r.Status}: {r.Detail}"));
            Assert.InRange(mostOpen, 1, Bound);
            Assert.Equal(0, transport.OpenTcpConnections);
        }
    }

    private static DnsMessage Rejection(DnsMessage query, string kind) => kind switch
    {
        // BADVERS: header RCODE 0 plus the OPT record's upper bits 1 → 16 (RFC 6891 §9).
        "badvers" => new DnsMessage
        {
            Header = new DnsMessageHeader(query.Header.Id, DnsHeaderFlags.Response),
            Questions = query.Questions,
            EdnsUdpPayloadSize = 1232,
            ExtendedResponseCodeBits = 1,
        },
        "formerr-without-question" => new DnsMessage { Header = new DnsMessageHeader(query.Header.Id, DnsHeaderFlags.Response, responseCode: DnsResponseCode.FormatError) },
        _ => DnsMessage.CreateResponse(query, DnsResponseCode.NotImplemented),
    };
}
