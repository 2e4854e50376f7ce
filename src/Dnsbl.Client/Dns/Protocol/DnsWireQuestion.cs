namespace Dnsbl.Client.Dns.Protocol;

/// <summary>One entry of the question section as on the wire, class included (a response must echo all three).</summary>
internal readonly record struct DnsWireQuestion(string Name, DnsRecordType Type, ushort Class)
{
    /// <summary>
    /// True when this entry echoes <paramref name="question"/>: same type, class IN, and the same name — ASCII
    /// case-insensitive (RFC 4343), or letter for letter when <paramref name="exactCase"/> (0x20 randomisation).
    /// </summary>
    public bool Echoes(DnsQuestion question, bool exactCase = false) =>
        Type == question.Type
        && Class == DnsProtocolLimits.ClassInternet
        && (exactCase ? DnsName.AreIdentical(Name, question.Name) : DnsName.AreEqual(Name, question.Name));
}
