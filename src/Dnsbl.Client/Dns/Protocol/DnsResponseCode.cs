namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// The RCODE: 4 bits in the header (RFC 1035 §4.1.1), 12 with the OPT record's extension (RFC 6891 §6.1.3); values not
/// named here stay representable.
/// </summary>
internal enum DnsResponseCode : short
{
    /// <summary>No error.</summary>
    NoError = 0,

    /// <summary>The server could not interpret the query.</summary>
    FormatError = 1,

    /// <summary>The server failed to process the query.</summary>
    ServerFailure = 2,

    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NameError = 3,

    /// <summary>The server does not implement the kind of query.</summary>
    NotImplemented = 4,

    /// <summary>The server refuses to answer, by policy.</summary>
    Refused = 5,

    /// <summary>BADVERS (RFC 6891 §9): the server does not speak the EDNS version asked; only as an extended RCODE.</summary>
    BadVersion = 16,
}
