namespace Dnsbl.Client.Dns.Protocol;

/// <summary>Writes the one kind of query this client sends: one question, RD set, and an EDNS0 OPT record.</summary>
internal static class DnsQueryWriter
{
    /// <summary>The largest query: header, a 255-octet name, type and class, and the 11-octet OPT record.</summary>
    public const int MaxQueryLength = DnsMessageHeader.Size + DnsProtocolLimits.MaxNameLength + 4 + 11;

    /// <summary>Writes a standard query for <paramref name="question"/> with ID <paramref name="id"/>.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="id">The query ID.</param>
    /// <param name="question">What to ask.</param>
    /// <param name="withEdns">False to leave out the OPT record, for a server that rejected it (RFC 6891 §7).</param>
    /// <returns>The octets written, or -1 when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException">The question's name breaks RFC 1035 limits.</exception>
    public static int Write(Span<byte> destination, ushort id, DnsQuestion question, bool withEdns = true)
    {
        var writer = new DnsMessageWriter(destination);
        var header = new DnsMessageHeader(id, DnsHeaderFlags.RecursionDesired, questionCount: 1, additionalCount: (ushort)(withEdns ? 1 : 0));
        return writer.TryWriteHeader(header)
            && writer.TryWriteQuestion(question.Name, question.Type)
            && (!withEdns || writer.TryWriteOpt())
            ? writer.Position
            : -1;
    }
}
