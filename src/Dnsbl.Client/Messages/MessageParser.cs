namespace Dnsbl.Client.Messages;

/// <summary>Turns the text of an RFC 5322 message into a <see cref="MessageContext"/>; never throws on malformed input.</summary>
internal static partial class MessageParser
{
    /// <summary>Parses a whole message.</summary>
    /// <param name="text">The message; when <paramref name="textIsRawBytes"/>, each char is one byte (Latin-1).</param>
    /// <param name="textIsRawBytes">Whether the text was read from bytes, so 8bit parts need charset decoding.</param>
    public static MessageContext Parse(string text, bool textIsRawBytes)
    {
        var problems = new List<MessageProblem>();
        if (text.Length > MessageConstants.MaxMessageBytes)
        {
            text = text[..MessageConstants.MaxMessageBytes];
            problems.Add(MessageProblem.Create(MessageProblemKind.Truncated, $"message longer than {MessageConstants.MaxMessageBytes} characters"));
        }

        var (fields, bodyStart) = HeaderBlock.Read(text, problems);
        if (textIsRawBytes)
        {
            fields = fields.ConvertAll(field => new KeyValuePair<string, string>(field.Key, HeaderText(field.Value, problems)));
        }

        var bodies = new BodyCollector(textIsRawBytes, problems);
        bodies.Visit(fields, text.AsMemory(bodyStart), depth: 0);
        return new MessageContext
        {
            MailFrom = Address(fields, "Return-Path", problems),
            HeaderFrom = Address(fields, "From", problems),
            ReplyTo = Address(fields, "Reply-To", problems),
            Headers = fields,
            ReceivedHeaders = ReceivedValues(fields, problems),
            TextBody = bodies.Text,
            HtmlBody = bodies.Html,
            Problems = problems,
        };
    }

    /// <summary>Reads at most <see cref="MessageConstants.MaxMessageBytes"/> bytes of <paramref name="stream"/>.</summary>
    public static async Task<(byte[] Bytes, bool Truncated)> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= MessageConstants.MaxMessageBytes)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return (bytes[..MessageConstants.MaxMessageBytes], true);
    }

    // RFC 6532 allows UTF-8 in headers; bytes that are not valid UTF-8 stay Latin-1.
    private static string HeaderText(string latin1, List<MessageProblem> problems) =>
        latin1.AsSpan().ContainsAnyExceptInRange('\0', '\x7f')
            ? BodyDecoder.DecodeCharset(System.Text.Encoding.Latin1.GetBytes(latin1), null, problems)
            : latin1;

    private static string? Address(List<KeyValuePair<string, string>> fields, string name, List<MessageProblem> problems)
    {
        var value = HeaderBlock.First(fields, name);
        if (value is null)
        {
            return null;
        }

        var address = AddressHeaderParser.FirstAddress(value);
        if (address is null)
        {
            problems.Add(MessageProblem.Create(MessageProblemKind.MalformedAddress, $"{name}: {value}"));
        }

        return address;
    }

    private static List<string> ReceivedValues(List<KeyValuePair<string, string>> fields, List<MessageProblem> problems)
    {
        var values = new List<string>();
        foreach (var field in fields)
        {
            if (!string.Equals(field.Key, "Received", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (values.Count == MessageConstants.MaxReceivedHeaders)
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.TooManyHeaders, $"more than {MessageConstants.MaxReceivedHeaders} Received headers"));
                break;
            }

            values.Add(field.Value);
        }

        return values;
    }
}
