namespace Dnsbl.Client.Dns.Protocol;

/// <summary>The 4-bit OPCODE of a DNS header (RFC 1035 §4.1.1); only standard queries are sent.</summary>
internal enum DnsOpcode : byte
{
    /// <summary>A standard query.</summary>
    Query = 0,

    /// <summary>An inverse query (obsolete, RFC 3425).</summary>
    InverseQuery = 1,

    /// <summary>A server status request.</summary>
    Status = 2,
}
