using System.Net;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Dns;

/// <summary>Turns one exchange into a lookup result: answers after CNAMEs, negative TTLs, failures as data.</summary>
internal static class DnsResponseMapper
{
    /// <summary>Maps the outcome of asking <paramref name="server"/> for <paramref name="question"/>.</summary>
    public static DnsLookupResult Map(DnsQuestion question, DnsExchangeResult exchange, IPEndPoint server)
    {
        if (exchange.Status != DnsExchangeStatus.Response)
        {
            var status = exchange.Status switch
            {
                DnsExchangeStatus.Timeout => DnsLookupStatus.Timeout,
                DnsExchangeStatus.Malformed => DnsLookupStatus.Malformed,
                DnsExchangeStatus.Overloaded => DnsLookupStatus.Overloaded,
                _ => DnsLookupStatus.NetworkError,
            };
            return new DnsLookupResult { Question = question, Status = status, Server = server, Detail = exchange.Detail };
        }

        var response = exchange.Response!;
        var code = response.ExtendedResponseCode; // BADVERS has header RCODE 0: read alone, it would pass for NOERROR/NODATA
        return code switch
        {
            DnsResponseCode.NoError => MapAnswer(question, response, server),
            DnsResponseCode.NameError => Negative(question, DnsLookupStatus.NameError, response, server),
            DnsResponseCode.ServerFailure => Failure(question, DnsLookupStatus.ServerFailure, code, server),
            DnsResponseCode.Refused => Failure(question, DnsLookupStatus.Refused, code, server),
            _ => Failure(question, DnsLookupStatus.OtherResponseCode, code, server),
        };
    }

    /// <summary>RFC 2181 §8: a TTL with the most significant bit set is treated as zero.</summary>
    public static uint ClampTimeToLive(uint timeToLive) => timeToLive > DnsProtocolLimits.MaxTimeToLive ? 0 : timeToLive;

    private static DnsLookupResult MapAnswer(DnsQuestion question, DnsMessage response, IPEndPoint server)
    {
        var answers = response.Answers;
        string current = question.Name;
        HashSet<string>? visited = null;
        uint chainTtl = uint.MaxValue;
        for (int hop = 0; hop <= DnsStubResolverConstants.MaxCnameHops; hop++)
        {
            int matchCount = 0;
            uint ttl = chainTtl; // the answer may be cached only as long as every link of the chain that led to it
            DnsRecord? alias = null;
            for (int i = 0; i < answers.Count; i++)
            {
                var record = answers[i];
                if (!DnsName.AreEqual(record.Name, current))
                {
                    continue;
                }

                if (record.Type == question.Type)
                {
                    matchCount++;
                    ttl = Math.Min(ttl, ClampTimeToLive(record.TimeToLive));
                }
                else if (record.Type == DnsRecordType.CNAME)
                {
                    alias ??= record;
                }
            }

            if (matchCount > 0)
            {
                return new DnsLookupResult
                {
                    Question = question,
                    Status = DnsLookupStatus.Answered,
                    Answers = matchCount == answers.Count ? answers : Matches(answers, matchCount, question.Type, current),
                    TimeToLive = TimeSpan.FromSeconds(ttl),
                    Server = server,
                };
            }

            if (alias?.Target is null)
            {
                return Negative(question, DnsLookupStatus.NoData, response, server);
            }

            visited ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase) { question.Name.TrimEnd('.') };
            if (!visited.Add(alias.Target.TrimEnd('.')))
            {
                // The target is left out: it may carry a secret (a DQS key in a CNAME'd zone) and is wire text anyway.
                return Malformed(question, server, $"the CNAME chain loops after {hop + 1} hops");
            }

            chainTtl = Math.Min(chainTtl, ClampTimeToLive(alias.TimeToLive));
            current = alias.Target;
        }

        return Malformed(question, server, $"the CNAME chain is longer than {DnsStubResolverConstants.MaxCnameHops}");
    }

    private static DnsRecord[] Matches(IReadOnlyList<DnsRecord> answers, int count, DnsRecordType type, string name)
    {
        var matches = new DnsRecord[count];
        int found = 0;
        for (int i = 0; i < answers.Count && found < count; i++)
        {
            if (answers[i].Type == type && DnsName.AreEqual(answers[i].Name, name))
            {
                matches[found++] = answers[i];
            }
        }

        return matches;
    }

    /// <summary>RFC 2308 §5: a negative answer is cached for min(SOA TTL, SOA MINIMUM) of the authority section's SOA.</summary>
    private static DnsLookupResult Negative(DnsQuestion question, DnsLookupStatus status, DnsMessage response, IPEndPoint server)
    {
        TimeSpan? ttl = null;
        var authorities = response.Authorities;
        for (int i = 0; i < authorities.Count; i++)
        {
            if (authorities[i] is { Type: DnsRecordType.SOA } soa)
            {
                ttl = TimeSpan.FromSeconds(Math.Min(ClampTimeToLive(soa.TimeToLive), ClampTimeToLive(soa.SoaMinimum ?? 0)));
                break;
            }
        }

        return new DnsLookupResult
        {
            Question = question,
            Status = status,
            ResponseCode = (int)response.Header.ResponseCode,
            TimeToLive = ttl,
            Server = server,
        };
    }

    private static DnsLookupResult Failure(DnsQuestion question, DnsLookupStatus status, DnsResponseCode code, IPEndPoint server) =>
        new() { Question = question, Status = status, ResponseCode = (int)code, Server = server, Detail = $"{server} answered {code}" };

    private static DnsLookupResult Malformed(DnsQuestion question, IPEndPoint server, string detail) =>
        new() { Question = question, Status = DnsLookupStatus.Malformed, Server = server, Detail = detail };
}
