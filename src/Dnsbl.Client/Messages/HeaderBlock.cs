namespace Dnsbl.Client.Messages;

/// <summary>Reads a block of RFC 5322 header fields (of a message or a MIME part), unfolding continuation lines.</summary>
internal static class HeaderBlock
{
    /// <summary>
    /// Reads header fields from <paramref name="text"/> up to the first empty line, leniently as SpamAssassin does: a
    /// white-space-only line continues the previous field; in a MIME part (<paramref name="isPart"/>) the first line that is
    /// not a field starts the body; in a message, up to three such lines are skipped (reported) before the body is
    /// assumed to start, and a "--" boundary line starts it at once. An mbox "From " line at the very start is skipped.
    /// </summary>
    /// <returns>The fields in order, and the index where the body starts (text length when there is no body).</returns>
    public static (List<KeyValuePair<string, string>> Fields, int BodyStart) Read(ReadOnlySpan<char> text, List<MessageProblem> problems, bool isPart = false)
    {
        // A message has a few dozen fields, a part two or three: sized so that neither grows its list more than once or twice.
        var fields = new List<KeyValuePair<string, string>>(isPart ? 4 : 16);
        // The field being read: its name, and its value as a range of text (from after the colon to the end of its last
        // line), made a string once the field ends (no builder: most values are one line, copied once).
        string? name = null;
        var valueStart = 0;
        var valueEnd = 0;
        var folded = false;
        var position = 0;
        var first = true;
        var overLimitReported = false;
        var invalidLines = 0;
        while (position < text.Length)
        {
            var lineEnd = text[position..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? -1 : position + lineEnd;
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text[position..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
            if (line.IsEmpty)
            {
                position = next;
                break;
            }

            var continues = line[0] is ' ' or '\t';
            var colon = -1;
            var nameLength = continues ? -1 : FieldNameLength(line, out colon);
            if (!continues && nameLength < 0 && !(first && line.StartsWith("From ", StringComparison.Ordinal)) &&
                (isPart || line.StartsWith("--", StringComparison.Ordinal) || ++invalidLines > MaxSkippedInvalidLines))
            {
                // The body starts at this line (it is kept as body, not lost).
                problems.Add(MessageProblem.Create(isPart ? MessageProblemKind.MalformedMime : MessageProblemKind.MalformedHeader, $"no empty line after the header fields; body starts at: {line}"));
                break;
            }

            var lineStart = position;
            position = next;

            if (continues)
            {
                // Unfolding (RFC 5322 §2.2.3): the line break before white space is removed, the white space kept.
                if (name is not null)
                {
                    valueEnd = lineStart + line.Length;
                    folded = true;
                }

                continue;
            }

            overLimitReported |= !Flush(fields, name, text[valueStart..valueEnd], folded, problems, overLimitReported);
            name = null;
            if (nameLength < 0)
            {
                if (!(first && line.StartsWith("From ", StringComparison.Ordinal)))
                {
                    problems.Add(MessageProblem.Create(MessageProblemKind.MalformedHeader, line.ToString()));
                }
            }
            else
            {
                name = NameOf(line[..nameLength]); // "Subject : x" is obsolete syntax, still a field
                valueStart = lineStart + colon + 1;
                valueEnd = lineStart + line.Length;
                folded = false;
            }

            first = false;
        }

        overLimitReported |= !Flush(fields, name, text[valueStart..valueEnd], folded, problems, overLimitReported);
        return (fields, position);
    }

    // SpamAssassin consumes a few invalid lines in a message header before it assumes the body has begun.
    private const int MaxSkippedInvalidLines = 3;

    // A field line is a name without white space, maybe white space, then ':' (the line's first). Returns the name's length
    // (colon: the ':'), or -1 for any other line. Names are short: read char by char, not by the library's searches.
    internal static int FieldNameLength(ReadOnlySpan<char> line, out int colon)
    {
        colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return -1;
        }

        var length = colon;
        while (length > 0 && line[length - 1] is ' ' or '\t')
        {
            length--;
        }

        for (var i = 0; i < length; i++)
        {
            if (line[i] is ' ' or '\t')
            {
                return -1;
            }
        }

        return length;
    }

    /// <summary>The value of the first field named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static string? First(IReadOnlyList<KeyValuePair<string, string>> fields, string name)
    {
        // By index: a foreach over the interface would box the list's enumerator on every call (several per message part).
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return fields[i].Value;
            }
        }

        return null;
    }

    // Returns false when the field was dropped for being over the limit (reported once per block). raw is the value's
    // range of the text: with its line breaks when folded.
    private static bool Flush(List<KeyValuePair<string, string>> fields, string? name, ReadOnlySpan<char> raw, bool folded, List<MessageProblem> problems, bool overLimitReported)
    {
        if (name is null)
        {
            return true;
        }

        if (fields.Count >= MessageConstants.MaxHeaders)
        {
            if (!overLimitReported)
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.TooManyHeaders, $"more than {MessageConstants.MaxHeaders} header fields"));
            }

            return false;
        }

        fields.Add(new(name, folded ? Unfolded(raw) : raw.Trim().ToString()));
        return true;
    }

    // The lines of a folded value joined (each without its line break and the '\r's before it), trimmed.
    private static string Unfolded(ReadOnlySpan<char> raw)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(raw.Length);
        var length = 0;
        while (true)
        {
            var lineEnd = raw.IndexOf('\n');
            var line = (lineEnd < 0 ? raw : raw[..lineEnd]).TrimEnd('\r');
            line.CopyTo(buffer.AsSpan(length));
            length += line.Length;
            if (lineEnd < 0)
            {
                break;
            }

            raw = raw[(lineEnd + 1)..];
        }

        var value = buffer.AsSpan(0, length).Trim().ToString();
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return value;
    }

    // A field name as a string: the usual names are shared constants (compared as written: a name keeps its case).
    private static string NameOf(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownNames)
        {
            if (name.SequenceEqual(known))
            {
                return known;
            }
        }

        return name.ToString();
    }

    private static readonly string[] KnownNames =
    [
        "Received", "Content-Type", "Content-Transfer-Encoding", "From", "To", "Cc", "Subject", "Date", "Message-ID",
        "Return-Path", "Reply-To", "MIME-Version", "DKIM-Signature", "X-Originating-IP", "Content-Disposition",
        "Authentication-Results", "List-Unsubscribe", "Delivered-To",
    ];
}
