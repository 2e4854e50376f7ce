namespace Dnsbl.Client.Tests.Messages.Oracles;

/// <summary>
/// The multipart splitter as it was before it searched for the delimiter: every line of the body looked at in turn, kept
/// as the oracle of <c>MultipartSplitter.Split</c>.
/// </summary>
internal static class LineWalkingMultipartSplitter
{
    /// <summary>The parts (as ranges of <paramref name="body"/>) between <c>--boundary</c> lines; <paramref name="closed"/> tells whether <c>--boundary--</c> was seen.</summary>
    public static List<Range> Split(ReadOnlySpan<char> body, string boundary, out bool closed, out bool opened)
    {
        var parts = new List<Range>();
        var delimiter = "--" + boundary;
        var partStart = -1;
        var position = 0;
        closed = false;
        opened = false;
        while (position < body.Length)
        {
            var lineEnd = body[position..].IndexOf('\n');
            lineEnd = lineEnd < 0 ? -1 : position + lineEnd;
            var next = lineEnd < 0 ? body.Length : lineEnd + 1;
            var line = body[position..(lineEnd < 0 ? body.Length : lineEnd)].TrimEnd("\r \t");
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
                        parts.Add(WithoutFinalLineBreak(body, partStart, position));
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
