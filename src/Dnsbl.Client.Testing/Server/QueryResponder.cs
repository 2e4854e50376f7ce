using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing.Server;

/// <summary>Turns a parsed query, the zone data and a <see cref="ServerAction"/> into response bytes.</summary>
internal static class QueryResponder
{
    /// <summary>
    /// Parses a packet as a query. A packet whose header is readable but the rest is not gets a FORMERR response;
    /// responses (QR set) and unreadable packets get nothing.
    /// </summary>
    public static bool TryReadQuery(ReadOnlySpan<byte> packet, out DnsMessage? query, out byte[]? formatErrorResponse)
    {
        query = null;
        formatErrorResponse = null;
        if (!DnsMessageHeader.TryRead(packet, out var header) || header.IsResponse)
        {
            return false;
        }

        if (!DnsMessage.TryParse(packet, out var parsed, out _) || parsed!.Questions.Count != 1 || header.Opcode != DnsOpcode.Query)
        {
            var code = parsed is not null && header.Opcode != DnsOpcode.Query ? DnsResponseCode.NotImplemented : DnsResponseCode.FormatError;
            formatErrorResponse = ZoneResponseWriter.Write(ResponseHeader(header, code, truncated: false), [], [], [], null);
            return false;
        }

        query = parsed;
        return true;
    }

    public static byte[] BuildAnswer(DnsMessage query, ZoneSet zones, ServerAction action, DnsServerTransport transport)
    {
        var question = query.Questions[0];
        var answer = action.ResponseCode is { } code
            ? new ZoneAnswer(code, [], [])
            : zones.Lookup(question.Name, question.Type);
        var answers = action.DuplicateAnswers ? [.. answer.Answers, .. answer.Answers] : answer.Answers;
        var questions = action.QuestionName is { } otherName ? [question with { Name = otherName }] : query.Questions;
        var id = action.WrongId ? (ushort)(query.Header.Id ^ 0x5A5A) : query.Header.Id;
        var header = new DnsMessageHeader(id, query.Header.Flags);
        var truncate = transport == DnsServerTransport.Udp && action.Truncate;
        var edns = query.EdnsUdpPayloadSize is null ? (ushort?)null : DnsProtocolLimits.AdvertisedUdpPayloadSize;

        var bytes = truncate
            ? ZoneResponseWriter.Write(ResponseHeader(header, (DnsResponseCode)answer.ResponseCode, truncated: true), questions, [], [], edns)
            : ZoneResponseWriter.Write(ResponseHeader(header, (DnsResponseCode)answer.ResponseCode, truncated: false), questions, answers, answer.Authority, edns);

        // RFC 1035 §4.2.1 / RFC 6891: over UDP a response larger than the client accepts is cut to TC with no records.
        var limit = Math.Max(DnsProtocolLimits.ClassicUdpPayloadSize, (int)(query.EdnsUdpPayloadSize ?? 0));
        if (transport == DnsServerTransport.Udp && bytes.Length > limit)
        {
            bytes = ZoneResponseWriter.Write(ResponseHeader(header, (DnsResponseCode)answer.ResponseCode, truncated: true), questions, [], [], edns);
        }

        return action.TransformResponse is { } transform ? transform(bytes) : bytes;
    }

    private static DnsMessageHeader ResponseHeader(DnsMessageHeader query, DnsResponseCode code, bool truncated) =>
        new(
            query.Id,
            DnsHeaderFlags.Response | DnsHeaderFlags.AuthoritativeAnswer
                | (query.Flags & DnsHeaderFlags.RecursionDesired)
                | (truncated ? DnsHeaderFlags.Truncated : DnsHeaderFlags.None),
            DnsOpcode.Query,
            code);

    /// <summary>The question type as the zone engine sees it.</summary>
    public static DnsRecordType TypeOf(DnsMessage query) => query.Questions[0].Type;
}
