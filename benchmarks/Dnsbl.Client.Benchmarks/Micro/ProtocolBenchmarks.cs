using System.Net;
using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Benchmarks.Micro;

/// <summary>Wire format: writing a query, parsing a listed answer (two A records) and an NXDOMAIN with SOA.</summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.spamhaus.org", DnsRecordType.A);
    private readonly byte[] _queryBuffer = new byte[DnsQueryWriter.MaxQueryLength];
    private byte[] _listedResponse = [];
    private byte[] _notListedResponse = [];

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
}
