namespace Dnsbl.Client.Dns.Protocol;

/// <summary>What is asked: an absolute name without the trailing dot, lower case, and a type (class is always IN).</summary>
internal readonly record struct DnsQuestion(string Name, DnsRecordType Type);
