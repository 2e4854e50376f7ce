namespace Dnsbl.Client.Messages;

/// <summary>
/// Takes the first mailbox address out of an address header (From, Reply-To, Return-Path): display names, quoted
/// strings, comments, angle brackets and groups (RFC 5322 §3.4) are understood; anything else yields no address.
/// </summary>
internal static class AddressHeaderParser
{
    /// <summary>The first address in <paramref name="value"/>; empty for the null path <c>&lt;&gt;</c>; null when none is found.</summary>
    public static string? FirstAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // The text outside quotes and comments, in a pooled buffer: only the address found becomes a string.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, value.Length));
        try
        {
            return FirstAddress(value, buffer);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string? FirstAddress(string value, char[] plain)
    {
        var length = 0;
        var inQuotes = false;
        var commentDepth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && (inQuotes || commentDepth > 0) && i + 1 < value.Length)
            {
                i++; // quoted-pair: the next char is literal and cannot open or close anything
                continue;
            }

            if (commentDepth > 0)
            {
                commentDepth += c == '(' ? 1 : c == ')' ? -1 : 0;
                continue;
            }

            if (inQuotes)
            {
                inQuotes = c != '"';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '(':
                    commentDepth = 1;
                    break;
                case '<':
                    return AngleAddress(value, i);
                case ',' or ';':
                    var candidate = Clean(plain.AsSpan(0, length));
                    if (candidate is not null)
                    {
                        return candidate;
                    }

                    length = 0;
                    break;
                case ':':
                    length = 0; // "Group name:" — the members follow
                    break;
                default:
                    plain[length++] = c;
                    break;
            }
        }

        return Clean(plain.AsSpan(0, length));
    }

    private static string? AngleAddress(string value, int open)
    {
        var close = value.IndexOf('>', open + 1);
        var inner = (close < 0 ? value.AsSpan(open + 1) : value.AsSpan((open + 1)..close)).Trim();

        // An obsolete source route ("<@relay:user@host>") is dropped (RFC 5322 §4.4).
        var routeEnd = inner.StartsWith('@') ? inner.IndexOf(':') : -1;
        if (routeEnd >= 0)
        {
            inner = inner[(routeEnd + 1)..];
        }

        return inner.Length == 0 ? string.Empty : Clean(inner);
    }

    private static string? Clean(ReadOnlySpan<char> candidate)
    {
        var trimmed = candidate.Trim().Trim('"').Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.ContainsAny(' ', '\t'))
        {
            return null;
        }

        return trimmed.ToString();
    }

    /// <summary>The domain part of an address (after the last '@'), or null.</summary>
    public static string? DomainOf(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        var domain = at < 0 ? address : address[(at + 1)..];
        domain = domain.Trim().TrimEnd('>').Trim();
        return domain.Length == 0 ? null : domain;
    }
}
