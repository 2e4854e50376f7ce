using System.Net;
using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Benchmarks.Micro;

/// <summary>Building the query name of one key under one zone, into a caller's buffer (no allocation expected).</summary>
[MemoryDiagnoser]
public class QueryNameBenchmarks
{
    private const string Zone = "zen.spamhaus.org";
    private readonly char[] _buffer = new char[256];
    private readonly byte[] _ipv6 = IPAddress.Parse("2001:db8:85a3::8a2e:370:7334").GetAddressBytes();

    [Benchmark]
    public int IPv4()
    {
        QueryNameBuilder.TryWriteIPv4(0xC000_0221, Zone, _buffer, out var written);
        return written;
    }

    [Benchmark]
    public int IPv6()
    {
        QueryNameBuilder.TryWriteIPv6(_ipv6, Zone, _buffer, out var written);
        return written;
    }

    [Benchmark]
    public int Domain()
    {
        QueryNameBuilder.TryWriteDomain("mail.example.com", "dbl.spamhaus.org", _buffer, out var written);
        return written;
    }
}
