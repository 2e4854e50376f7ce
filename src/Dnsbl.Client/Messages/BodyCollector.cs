namespace Dnsbl.Client.Messages;

/// <summary>
/// Walks the MIME tree of a message and keeps every decoded text part: text/html as HTML, any other text/* (and parts
/// without a type) as text, attachments included, as SpamAssassin renders every text leaf for its URI scan.
/// </summary>
internal sealed class BodyCollector(bool textIsRawBytes, List<MessageProblem> problems)
{
    private readonly JoinedParts text = new();
    private readonly JoinedParts html = new();
    private int partsVisited;

    /// <summary>All text/plain parts joined by a line break, or null when there are none.</summary>
    public string? Text => text.Value;

    /// <summary>All text/html parts joined by a line break, or null when there are none.</summary>
    public string? Html => html.Value;

    /// <summary>Where each text part ends in <see cref="Text"/>; null for one part or none.</summary>
    public IReadOnlyList<int>? TextPartEnds => text.PartEnds;

    /// <summary>Where each HTML part ends in <see cref="Html"/>; null for one part or none.</summary>
    public IReadOnlyList<int>? HtmlPartEnds => html.PartEnds;

    /// <summary>Visits one entity (the message or a part) with its header fields and body.</summary>
    public void Visit(List<KeyValuePair<string, string>> fields, ReadOnlyMemory<char> body, int depth)
    {
        if (++partsVisited > MessageConstants.MaxMimeParts)
        {
            if (partsVisited == MessageConstants.MaxMimeParts + 1)
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.MalformedMime, $"more than {MessageConstants.MaxMimeParts} MIME parts"));
            }

            return;
        }

        var contentType = MimeParameters.Parse(HeaderBlock.First(fields, "Content-Type"));
        if (contentType.Value.StartsWith("multipart/", StringComparison.Ordinal))
        {
            VisitMultipart(fields, contentType, body, depth);
            return;
        }

        if (contentType.Value == "message/rfc822")
        {
            VisitAttachedMessage(body, depth);
            return;
        }

        var target = contentType.Value switch
        {
            "text/html" => html,
            "" => text,
            _ when contentType.Value.StartsWith("text/", StringComparison.Ordinal) => text,
            _ => null,
        };
        if (target is null)
        {
            return;
        }

        AddDecoded(target, fields, contentType, body);
    }

    private void AddDecoded(JoinedParts target, List<KeyValuePair<string, string>> fields, MimeParameters contentType, ReadOnlyMemory<char> body)
    {
        var encoding = MimeParameters.Parse(HeaderBlock.First(fields, "Content-Transfer-Encoding")).Value;
        target.Add(BodyDecoder.Decode(body.Span, encoding, contentType["charset"], textIsRawBytes, problems));
    }

    // An attached message (a forwarded mail, the returned message of a bounce): SpamAssassin parses it and scans its
    // body for links as it scans the outer one. Its own header fields stay the part's: its Received lines are not relays
    // of this message.
    private void VisitAttachedMessage(ReadOnlyMemory<char> body, int depth)
    {
        if (!WithinDepth(depth))
        {
            return;
        }

        var (fields, bodyStart) = HeaderBlock.Read(body.Span, problems, isPart: true);
        Visit(fields, body[bodyStart..], depth + 1);
    }

    private bool WithinDepth(int depth)
    {
        if (depth < MessageConstants.MaxMimeDepth)
        {
            return true;
        }

        problems.Add(MessageProblem.Create(MessageProblemKind.MalformedMime, $"MIME nesting deeper than {MessageConstants.MaxMimeDepth}"));
        return false;
    }

    private void VisitMultipart(List<KeyValuePair<string, string>> fields, MimeParameters contentType, ReadOnlyMemory<char> body, int depth)
    {
        var boundary = contentType["boundary"];
        if (string.IsNullOrEmpty(boundary))
        {
            // As a lenient reader (SpamAssassin's) does: a multipart that cannot be split is read as one text part.
            problems.Add(MessageProblem.Create(MessageProblemKind.MalformedMime, $"{contentType.Value} without boundary; the body read as one text part"));
            AddDecoded(text, fields, contentType, body);
            return;
        }

        if (!WithinDepth(depth))
        {
            return;
        }

        var parts = MultipartSplitter.Split(body.Span, boundary, out var closed, out var opened);
        if (!opened)
        {
            problems.Add(MessageProblem.Create(MessageProblemKind.MalformedMime, $"multipart without opening boundary '{boundary}'; the body read as one part"));
        }
        else if (!closed)
        {
            problems.Add(MessageProblem.Create(MessageProblemKind.MalformedMime, $"multipart boundary '{boundary}' never closed"));
        }

        foreach (var range in parts)
        {
            var part = body[range];
            var (partFields, bodyStart) = HeaderBlock.Read(part.Span, problems, isPart: true);
            Visit(partFields, part[bodyStart..], depth + 1);
        }
    }

    // The decoded parts of one kind joined by line breaks; a single part (the common case) is kept without a copy.
    // Where each part ends is kept once there are two, for the body scan size (BodyScanLimit), which is per part.
    private sealed class JoinedParts
    {
        private string? first;
        private System.Text.StringBuilder? joined;
        private List<int>? ends;

        public string? Value => (joined?.ToString() ?? first) is { Length: > 0 } value ? value : null;

        public IReadOnlyList<int>? PartEnds => ends;

        public void Add(string part)
        {
            if (first is null)
            {
                first = part;
                return;
            }

            joined ??= new System.Text.StringBuilder(first);
            ends ??= [];
            if (joined.Length == 0)
            {
                ends.Clear(); // empty parts so far added no line break: the joined text starts with this part
            }
            else
            {
                if (ends.Count == 0)
                {
                    ends.Add(joined.Length); // the first part's end
                }

                joined.Append('\n');
            }

            joined.Append(part);
            ends.Add(joined.Length);
        }
    }
}
