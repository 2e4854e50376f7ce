using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Reads the <c>from</c> clause of Received headers as Postfix, Sendmail, Exim, Exchange, qmail, Gmail and others write
/// it (RFC 5321 §4.4 "Extended-Domain"). A header that cannot be read is skipped and reported, never fatal.
/// </summary>
internal static partial class ReceivedHeaderParser
{
    // Longer values are cut before parsing: a real from clause is far shorter, and it bounds the work per header.
    private const int MaxParsedLength = 2048;

    /// <summary>Parses every header (newest first) into relays, in the same order; unreadable ones go to <paramref name="problems"/>.</summary>
    public static List<ReceivedRelay> ParseAll(IReadOnlyList<string> receivedHeaders, List<MessageProblem> problems)
    {
        var relays = new List<ReceivedRelay>(receivedHeaders.Count);
        foreach (var header in receivedHeaders)
        {
            if (TryParse(header, out var relay))
            {
                relays.Add(relay);
            }
            else
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.MalformedReceived, header));
            }
        }

        return relays;
    }

    /// <summary>
    /// Parses one Received value. A header without a from clause (e.g. qmail's "invoked by uid", "by host with SMTP")
    /// is a valid local hop and yields a relay without address; a header with neither from nor by clause, or whose
    /// from clause holds no host or address at all, is malformed.
    /// </summary>
    public static bool TryParse(string header, out ReceivedRelay relay)
    {
        ArgumentNullException.ThrowIfNull(header);
        relay = new ReceivedRelay(null, null, null, header);
        var text = header.Length > MaxParsedLength ? header[..MaxParsedLength] : header;
        text = text.ReplaceLineEndings(" ").Trim();
        var fromClause = FromClause(text);
        if (fromClause is null)
        {
            return ByClause().IsMatch(text) || text.StartsWith("(qmail", StringComparison.OrdinalIgnoreCase);
        }

        var firstToken = FirstToken(fromClause);
        var address = FindAddress(fromClause, firstToken);
        if (address is null && firstToken.Length == 0)
        {
            return false;
        }

        var explicitHelo = HeloPattern().Match(fromClause);
        string? helo;
        string? reverseDns;
        if (explicitHelo.Success)
        {
            // Exim ("from rdns ([ip] helo=x)") and qmail ("from rdns (HELO x) (ip)"): the first token is the reverse name.
            helo = explicitHelo.Groups["name"].Value;
            reverseDns = HostName(firstToken);
        }
        else
        {
            // Postfix, Sendmail, Gmail, Exchange: "from helo (rdns [ip])".
            helo = HostName(firstToken) ?? BracketedLiteral(firstToken);
            reverseDns = CommentHostName(fromClause);
        }

        relay = new ReceivedRelay(address, helo, reverseDns, header);
        return true;
    }

    [GeneratedRegex(@"(?:^|\s)by\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByClause();

    [GeneratedRegex(@"\bhelo(?:=|\s+)(?<name>\[[^\]\s]*\]|[^\s\)\]]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeloPattern();
}
