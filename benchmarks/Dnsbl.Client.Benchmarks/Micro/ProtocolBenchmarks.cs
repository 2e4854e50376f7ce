using System.Net;
using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Benchmarks.Micro;

/// <summary>
/// Wire format: writing a query, parsing a listed answer (two A records) and an NXDOMAIN with SOA, and the UDP
/// receive thread's reading of a listed reply (parse and echoed-question check, 0x20 exact case).
/// </summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.spamhaus.org", DnsRecordType.A);
    private static readonly IPEndPoint Server = new(IPAddress.Loopback, 53);
    private readonly byte[] _queryBuffer = new byte[DnsQueryWriter.MaxQueryLength];
    private byte[] _listedResponse = [];
    private byte[] _notListedResponse = [];
    private DnsExchangeResult _listedExchange;
    private DnsExchangeResult _notListedExchange;

    [GlobalSetup]
    public void Setup()
    {
        var length = DnsQueryWriter.Write(_queryBuffer, 0x1234, Question);
        if (!DnsMessage.TryParse(_queryBuffer.AsSpan(0, length), out var query, out var error))
        {
            throw new InvalidOperationException($"the query does not parse: {error}");
        }

        _listedResponse = DnsMessage.CreateResponse(query!, DnsResponseCode.NoError,
        [
            new DnsRecord(Question.Name, DnsRecordType.A, 300) { Address = IPAddress.Parse("127.0.0.2") },
            new DnsRecord(Question.Name, DnsRecordType.A, 300) { Address = IPAddress.Parse("127.0.0.4") },
        ]).ToArray();
        _notListedResponse = DnsMessage.CreateResponse(query!, DnsResponseCode.NameError, authorities:
        [
            new DnsRecord("zen.spamhaus.org", DnsRecordType.SOA, 150) { SoaMinimum = 150, Target = "need.to.know.only" },
        ]).ToArray();
        _listedExchange = DnsExchangeResult.Answered(Parse(_listedResponse));
        _notListedExchange = DnsExchangeResult.Answered(Parse(_notListedResponse));
    }

    [Benchmark]
    public int EncodeQuery() => DnsQueryWriter.Write(_queryBuffer, 0x1234, Question);

    [Benchmark]
    public int DecodeListed()
    {
        return DnsMessage.TryParse(_listedResponse, out var message, out _) ? message!.Answers.Count : -1;
    }

    [Benchmark]
    public int DecodeNotListed()
    {
        return DnsMessage.TryParse(_notListedResponse, out var message, out _) ? message!.Authorities.Count : -1;
    }

    [Benchmark]
    public int MapListed() => DnsResponseMapper.Map(Question, _listedExchange, Server).Answers.Count;

    [Benchmark]
    public TimeSpan? MapNotListed() => DnsResponseMapper.Map(Question, _notListedExchange, Server).TimeToLive;

    [Benchmark]
    public bool ReadListedReply() => DnsUdpSocket.TryReadReply(_listedResponse, Question, exactCase: true, Server, out _);

    private static DnsMessage Parse(byte[] response) =>
        DnsMessage.TryParse(response, out var message, out var error) ? message! : throw new InvalidOperationException($"the response does not parse: {error}");
}
