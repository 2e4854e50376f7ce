using System.Net;

namespace Dnsbl.Client.Messages;

// The from clause's pieces: where it ends, its first token, and the host names in it.
internal static partial class ReceivedHeaderParser
{
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
}
