namespace Dnsbl.Client.Messages;

/// <summary>Reads a MIME header value of the form <c>type/subtype; name=value; name="quoted value"</c> (RFC 2045 §5.1).</summary>
/// <remarks>
/// A part asks for one parameter at most (charset or boundary), so parameters are read when asked, by a scan of the
/// header, rather than split into a dictionary up front; the common values are shared constants. A value type: parsing
/// a part's Content-Type and Content-Transfer-Encoding allocates nothing for the usual headers.
/// </remarks>
internal readonly struct MimeParameters
{
    private readonly string? header;

    private MimeParameters(string value, string? header)
    {
        Value = value;
        this.header = header;
    }

    /// <summary>The main value, lower case (e.g. <c>text/html</c>, <c>base64</c>); empty when missing.</summary>
    public string Value { get; }

    /// <summary>The first parameter named <paramref name="name"/> (case-insensitive), unquoted; or null.</summary>
    public string? this[string name]
    {
        get
        {
            if (header is null)
            {
                return null;
            }

            var rest = header.AsSpan();
            var end = SegmentEnd(rest);
            while (end < rest.Length)
            {
                rest = rest[(end + 1)..];
                end = SegmentEnd(rest);
                var segment = rest[..end];
                var equals = segment.IndexOf('=');
                if (equals > 0 && segment[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    var value = segment[(equals + 1)..].Trim();
                    return value.Length >= 2 && value[0] == '"' && value[^1] == '"'
                        ? value[1..^1].ToString().Replace("\\\"", "\"", StringComparison.Ordinal)
                        : value.ToString();
                }
            }

            return null;
        }
    }

    /// <summary>Parses <paramref name="header"/>; a null header gives an empty value with no parameters.</summary>
    public static MimeParameters Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new MimeParameters(string.Empty, null);
        }

        var value = header.AsSpan(0, SegmentEnd(header)).Trim();
        return new MimeParameters(KnownValue(value) ?? value.ToString().ToLowerInvariant(), header);
    }

    // Where the segment starting at text[0] ends: the first ';' outside double quotes, else the end.
    private static int SegmentEnd(ReadOnlySpan<char> text)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (text[i] == ';' && !inQuotes)
            {
                return i;
            }
        }

        return text.Length;
    }

    // The usual values, lower-cased without a new string (ASCII only: other text goes through ToLowerInvariant).
    private static string? KnownValue(ReadOnlySpan<char> value)
    {
        foreach (var known in KnownValues)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(value, known))
            {
                return known;
            }
        }

        return null;
    }

    private static readonly string[] KnownValues =
    [
        "text/plain", "text/html", "multipart/alternative", "multipart/mixed", "multipart/related", "multipart/report",
        "message/rfc822", "quoted-printable", "base64", "7bit", "8bit",
    ];
}
