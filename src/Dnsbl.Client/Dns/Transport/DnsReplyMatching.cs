using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>Rules of reply matching shared by UDP and TCP.</summary>
internal static class DnsReplyMatching
{
    /// <summary>
    /// FORMERR or NOTIMP with an empty question section: RFC 1035 lets a server that could not parse the query (often
    /// because of its OPT record) leave the question out. Such a reply matched on source and ID alone is accepted; it can
    /// only ever turn into a retry without EDNS and then an error, never into an answer (listed or not listed).
    /// </summary>
    public static bool IsQuestionlessRejection(DnsMessage response) =>
        response.Questions.Count == 0
        && response.Answers.Count == 0
        && response.Header.ResponseCode is DnsResponseCode.FormatError or DnsResponseCode.NotImplemented;
}
