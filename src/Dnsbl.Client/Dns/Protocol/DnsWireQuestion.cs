namespace Dnsbl.Client.Dns.Protocol;

/// <summary>One entry of the question section as on the wire, class included (a response must echo all three).</summary>
internal readonly record struct DnsWireQuestion(string Name, DnsRecordType Type, ushort Class)
{
    /// <summary>True when this entry echoes <paramref name="question"/>: same name (ASCII case-insensitive, RFC 4343), type and class IN.</summary>
    public bool Echoes(DnsQuestion question) =>
        Type == question.Type
        && Class == DnsProtocolLimits.ClassInternet
        && DnsName.AreEqual(Name, question.Name);
}
