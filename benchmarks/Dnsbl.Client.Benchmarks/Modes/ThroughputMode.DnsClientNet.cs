using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// The <c>dnsclient</c> stage: the same DNSBL lookups through DnsClient.NET 1.8.0's <see cref="LookupClient"/>, the
/// best-known .NET resolver library, so the decision to keep our own resolver rests on a measurement made in the same run.
/// </summary>
internal static partial class ThroughputMode
{
    // Configured as close to our resolver stage as its options allow: no cache (every name is asked once per pass
    // anyway, and a cache would hide the exchange), one server, 1 s per attempt and two attempts (Retries = 1),
    // EDNS0 with a 1232-byte buffer as our transport advertises, no audit trail, answers by rcode rather than exceptions.
    // Each lookup asks the ready-made query name (as the resolver stage does) and checks the answer as a DNSBL
    // client would: even indexes are listed (an A record in 127.0.0.0/8), odd ones NXDOMAIN.
    private static async Task<(long, long)> DnsClientNetFloodAsync(IPEndPoint server, string[] names, int concurrency, double seconds)
    {
        var lookup = new LookupClient(new LookupClientOptions(new NameServer(server))
        {
            UseCache = false,
            Timeout = TimeSpan.FromSeconds(1),
            Retries = 1,
            ExtendedDnsBufferSize = 1232,
            EnableAuditTrail = false,
            ThrowDnsErrors = false,
            UseTcpFallback = true,
        });
        var result = await FloodAsync(
            names.Length,
            concurrency,
            seconds,
            index => new ValueTask<IDnsQueryResponse>(lookup.QueryAsync(names[index], QueryType.A, QueryClass.IN, CancellationToken.None)),
            static (index, response) => index % 2 == 0 ? IsListed(response) : response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain,
            static response => $"{response.Header.ResponseCode} ({response.ErrorMessage})",
            static e => e is DnsResponseException);
        return result;
    }

    private static bool IsListed(IDnsQueryResponse response)
    {
        if (response.HasError)
        {
            return false;
        }

        foreach (var record in response.Answers)
        {
            if (record is ARecord { Address: var address } && IPAddress.IsLoopback(address))
            {
                return true;
            }
        }

        return false;
    }
}
