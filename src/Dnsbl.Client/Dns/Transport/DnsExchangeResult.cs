using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>The outcome of one exchange as data.</summary>
/// <param name="Status">How the exchange ended.</param>
/// <param name="Response">The accepted reply when <paramref name="Status"/> is <see cref="DnsExchangeStatus.Response"/>.</param>
/// <param name="Detail">Why it failed, in words.</param>
/// <param name="UsedTcp">True when the reply came over TCP (after TC=1 over UDP).</param>
internal readonly record struct DnsExchangeResult(DnsExchangeStatus Status, DnsMessage? Response, string? Detail, bool UsedTcp = false)
{
    /// <summary>An accepted reply.</summary>
    public static DnsExchangeResult Answered(DnsMessage response, bool usedTcp = false) => new(DnsExchangeStatus.Response, response, null, usedTcp);

    /// <summary>No matching reply in time.</summary>
    public static DnsExchangeResult TimedOut(bool usedTcp = false) => new(DnsExchangeStatus.Timeout, null, "no matching reply before the attempt timeout", usedTcp);

    /// <summary>No reply in time, for the reason given.</summary>
    public static DnsExchangeResult TimedOut(string detail, bool usedTcp = false) => new(DnsExchangeStatus.Timeout, null, detail, usedTcp);

    /// <summary>Not sent: the line of queries waiting for the server is full.</summary>
    public static DnsExchangeResult Overloaded(string detail, bool usedTcp = false) => new(DnsExchangeStatus.Overloaded, null, detail, usedTcp);

    /// <summary>A reply for this query that failed to parse.</summary>
    public static DnsExchangeResult Malformed(string detail, bool usedTcp = false) => new(DnsExchangeStatus.Malformed, null, detail, usedTcp);

    /// <summary>A socket failure.</summary>
    public static DnsExchangeResult NetworkFailure(string detail, bool usedTcp = false) => new(DnsExchangeStatus.NetworkError, null, detail, usedTcp);
}
