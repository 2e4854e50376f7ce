using System.Net;
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

    /// <summary>The text after a leading "from" up to the first "by"/"with"/"id"/"for"/";" outside comments, or null.</summary>
    private static string? FromClause(string text)
    {
        if (!text.StartsWith("from", StringComparison.OrdinalIgnoreCase) || text.Length < 5 || !char.IsWhiteSpace(text[4]))
        {
            return null;
        }

        var depth = 0;
        for (var i = 5; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c == ';' || (char.IsWhiteSpace(text[i - 1]) && StartsClause(text.AsSpan(i)))))
            {
                return text[5..i].Trim();
            }
        }

        return text[5..].Trim();
    }

    private static bool StartsClause(ReadOnlySpan<char> rest)
    {
        foreach (var keyword in (ReadOnlySpan<string>)["by", "with", "id", "for", "via"])
        {
            if (rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) &&
                (rest.Length == keyword.Length || char.IsWhiteSpace(rest[keyword.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstToken(string fromClause)
    {
        var end = fromClause.AsSpan().IndexOfAny(" \t(");
        return end < 0 ? fromClause : fromClause[..end];
    }

    private static string? HostName(string token)
    {
        var name = token.Trim().TrimEnd('.');
        if (name.Length == 0 || name.StartsWith('[') || string.Equals(name, "unknown", StringComparison.OrdinalIgnoreCase) ||
            IPAddress.TryParse(name, out _))
        {
            return null;
        }

        return name;
    }

    private static string? BracketedLiteral(string token) => token.StartsWith('[') ? token : null;

    /// <summary>The host name that opens the first comment ("(rdns [ip])" or "(rdns. [ip])"), or null.</summary>
    private static string? CommentHostName(string fromClause)
    {
        var open = fromClause.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var inner = fromClause.AsSpan(open + 1).TrimStart();
        var end = inner.IndexOfAny(" \t)[");
        var word = (end < 0 ? inner : inner[..end]).ToString();
        return word.Contains('.', StringComparison.Ordinal) || word.Contains('-', StringComparison.Ordinal) ? HostName(word) : null;
    }

    [GeneratedRegex(@"(?:^|\s)by\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByClause();

    [GeneratedRegex(@"\bhelo(?:=|\s+)(?<name>\[[^\]\s]*\]|[^\s\)\]]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeloPattern();
}
