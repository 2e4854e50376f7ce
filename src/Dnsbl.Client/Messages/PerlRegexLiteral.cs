namespace Dnsbl.Client.Messages;

/// <summary>
/// A Perl regular-expression literal as SpamAssassin's configuration writes it (<c>/regex/i</c>, <c>m'regex'i</c>,
/// <c>m{regex}i</c>), turned into a .NET pattern with the modifiers inline (<c>(?i)regex</c>). The delimiter and modifier
/// rules are those of Mail::SpamAssassin::Util::compile_regexp (strip delimiters, modifiers <c>[a-df-z]*</c>, no
/// backslash delimiter, no unescaped delimiter inside, no <c>(?{…})</c> code).
/// </summary>
/// <remarks>
/// The shipped patterns use only syntax both engines read the same way (groups, classes, lazy quantifiers, look-behind).
/// One difference stays: .NET's <c>\w</c> and <c>\d</c> also match non-ASCII letters and digits; the links they run on
/// are ASCII after canonicalisation, so the shipped patterns match the same links.
/// </remarks>
internal static class PerlRegexLiteral
{
    /// <summary>The .NET pattern of <paramref name="literal"/>, or null with <paramref name="error"/> saying why it is not one.</summary>
    public static string? ToPattern(string literal, out string? error)
    {
        ArgumentNullException.ThrowIfNull(literal);
        error = null;
        var text = literal.Trim();
        string body;
        char close;
        var prefix = text.StartsWith("qr", StringComparison.Ordinal) ? 2 : text.StartsWith('m') ? 1 : 0;
        if (text.StartsWith('/'))
        {
            (body, close) = (text[1..], '/');
        }
        else if (prefix > 0 && text.Length > prefix && !char.IsAsciiLetterOrDigit(text[prefix]) && text[prefix] != '_')
        {
            var open = text[prefix];
            if (open == '\\' || char.IsWhiteSpace(open))
            {
                error = "a backslash or space delimiter is not allowed";
                return null;
            }

            close = open switch { '{' => '}', '(' => ')', '<' => '>', '[' => ']', _ => open };
            body = text[(prefix + 1)..];
        }
        else
        {
            error = "missing regexp delimiters (write /regex/ or m'regex')";
            return null;
        }

        var end = body.LastIndexOf(close);
        if (end < 0)
        {
            error = $"no closing delimiter '{close}'";
            return null;
        }

        var modifiers = body[(end + 1)..];
        var pattern = body[..end];
        if (modifiers.Any(m => m is < 'a' or > 'z' || m == 'e'))
        {
            error = $"invalid end delimiter or modifiers '{modifiers}'";
            return null;
        }

        if (pattern.Contains("(?{", StringComparison.Ordinal) || pattern.Contains("(??{", StringComparison.Ordinal))
        {
            error = "embedded code (?{...}) is not allowed";
            return null;
        }

        if (close is not ('}' or ')' or ']' or '>') && HasUnescaped(pattern, close))
        {
            error = $"unquoted delimiter '{close}' found";
            return null;
        }

        // i, m, s, x have .NET equivalents; the charset and compile-time ones (a, u, l, d, p, o, g) change nothing here.
        var inline = new string([.. modifiers.Where(m => m is 'i' or 'm' or 's' or 'x').Distinct()]);
        if (modifiers.FirstOrDefault(m => m is not ('i' or 'm' or 's' or 'x' or 'a' or 'u' or 'l' or 'd' or 'p' or 'o' or 'g')) is var unknown and not '\0')
        {
            error = $"the modifier '{unknown}' is not supported";
            return null;
        }

        return inline.Length == 0 ? pattern : $"(?{inline}){pattern}";
    }

    private static bool HasUnescaped(string pattern, char delimiter)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == delimiter)
            {
                return true;
            }
        }

        return false;
    }
}
