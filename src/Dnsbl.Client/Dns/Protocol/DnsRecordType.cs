namespace Dnsbl.Client.Dns.Protocol;

/// <summary>Resource record types this resolver asks for or reads; unknown values stay representable.</summary>
internal enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    TXT = 16,
    AAAA = 28,
    OPT = 41,
}
