namespace Dnsbl.Client.Messages;

/// <summary>
/// Splits a multipart body at its boundary lines (RFC 2046 §5.1.1); the preamble and epilogue are dropped. Without any
/// opening boundary the whole body (up to a closing one) is one part, as SpamAssassin reads it.
/// </summary>
internal static class MultipartSplitter
{
    /// <summary>The parts (as ranges of <paramref name="body"/>) between <c>--boundary</c> lines; <paramref name="closed"/> tells whether <c>--boundary--</c> was seen.</summary>
    public static List<Range> Split(ReadOnlySpan<char> body, string boundary, out bool closed, out bool opened)
    {
        var parts = new List<Range>();
        var delimiter = "--" + boundary;
        var partStart = -1;
        closed = false;
        opened = false;
        var position = 0;
        while (position < body.Length)
        {
            // Only lines that start with the delimiter matter: found by one vectorised search, not line by line.
            var found = body[position..].IndexOf(delimiter, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var lineStart = position + found;
            if (lineStart > 0 && body[lineStart - 1] != '\n')
            {
                position = lineStart + 1; // inside a line, not at its start
                continue;
            }

            var lineEnd = body[lineStart..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? -1 : lineStart + lineEnd;
            var next = lineEnd < 0 ? body.Length : lineEnd + 1;
            var line = body[lineStart..(lineEnd < 0 ? body.Length : lineEnd)].TrimEnd("\r \t");
            if (line.StartsWith(delimiter, StringComparison.Ordinal))
            {
                var rest = line[delimiter.Length..];
                if (rest.IsEmpty || rest.SequenceEqual("--"))
                {
                    if (partStart < 0 && !rest.IsEmpty)
                    {
                        partStart = 0; // a closing boundary with no opening one: the body before it is the part
                    }

                    if (partStart >= 0)
                    {
                        // The line break before a delimiter belongs to the delimiter.
                        parts.Add(WithoutFinalLineBreak(body, partStart, lineStart));
                    }

                    if (!rest.IsEmpty)
                    {
                        closed = true;
                        return parts;
                    }

                    opened = true;
                    partStart = next;
                }
            }

            position = next;
        }

        if (!opened)
        {
            parts.Add(Range.All); // no boundary line at all: the whole body is the one part
        }
        else if (partStart >= 0 && partStart < body.Length)
        {
            parts.Add(partStart..);
        }

        return parts;
    }

    private static Range WithoutFinalLineBreak(ReadOnlySpan<char> body, int start, int end)
    {
        var part = body[start..end];
        return start..(end - (part.EndsWith("\r\n") ? 2 : part.EndsWith('\n') ? 1 : 0));
    }
}
