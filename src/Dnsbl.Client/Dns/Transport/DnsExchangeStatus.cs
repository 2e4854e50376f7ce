namespace Dnsbl.Client.Dns.Transport;

/// <summary>How one exchange with one server ended.</summary>
internal enum DnsExchangeStatus
{
    /// <summary>A reply matching the query arrived (any RCODE); see <see cref="DnsExchangeResult.Response"/>.</summary>
    Response,

    /// <summary>No matching reply before the attempt's timeout.</summary>
    Timeout,

    /// <summary>A reply from the server for this query that could not be parsed.</summary>
    Malformed,

    /// <summary>A socket error: unreachable, connection refused or reset, socket closed.</summary>
    NetworkError,

    /// <summary>Not sent: too many queries already wait for the server (shed, local back-pressure).</summary>
    Overloaded,
}
