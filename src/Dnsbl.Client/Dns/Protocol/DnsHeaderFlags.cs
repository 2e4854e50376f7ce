namespace Dnsbl.Client.Dns.Protocol;

/// <summary>The single-bit flags of the header's second 16-bit word (RFC 1035 §4.1.1, RFC 4035 §3.2 for AD/CD).</summary>
[Flags]
internal enum DnsHeaderFlags : ushort
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>QR: the message is a response.</summary>
    Response = 0x8000,

    /// <summary>AA: authoritative answer.</summary>
    AuthoritativeAnswer = 0x0400,

    /// <summary>TC: truncated; the client should retry over TCP.</summary>
    Truncated = 0x0200,

    /// <summary>RD: recursion desired.</summary>
    RecursionDesired = 0x0100,

    /// <summary>RA: recursion available.</summary>
    RecursionAvailable = 0x0080,

    /// <summary>AD: authentic data (DNSSEC).</summary>
    AuthenticData = 0x0020,

    /// <summary>CD: checking disabled (DNSSEC).</summary>
    CheckingDisabled = 0x0010,
}
