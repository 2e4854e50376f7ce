using System.Buffers;

namespace Dnsbl.Client.Messages;

/// <summary>Turns the text of an RFC 5322 message into a <see cref="MessageContext"/>; never throws on malformed input.</summary>
internal static partial class MessageParser
{
    /// <summary>Parses a whole message.</summary>
    /// <param name="text">
    /// The message; when <paramref name="textIsRawBytes"/>, each char is one byte (Latin-1). Nothing in the result refers to
    /// it (every header, body and problem text is its own string), so it may be a pooled buffer returned afterwards.
    /// </param>
    /// <param name="textIsRawBytes">Whether the text was read from bytes, so 8bit parts need charset decoding.</param>
    public static MessageContext Parse(ReadOnlyMemory<char> text, bool textIsRawBytes)
    {
        var problems = new List<MessageProblem>();
        if (text.Length > MessageConstants.MaxMessageBytes)
        {
            text = text[..MessageConstants.MaxMessageBytes];
            problems.Add(MessageProblem.Create(MessageProblemKind.Truncated, $"message longer than {MessageConstants.MaxMessageBytes} characters"));
        }

        var (fields, bodyStart) = HeaderBlock.Read(text.Span, problems);
        if (textIsRawBytes && fields.Exists(field => !System.Text.Ascii.IsValid(field.Value)))
        {
            fields = fields.ConvertAll(field => new KeyValuePair<string, string>(field.Key, HeaderText(field.Value, problems)));
        }

        var bodies = new BodyCollector(textIsRawBytes, problems);
        bodies.Visit(fields, text[bodyStart..], depth: 0);
        return new MessageContext
        {
            MailFrom = Address(fields, "Return-Path", problems),
            HeaderFrom = Address(fields, "From", problems),
            ReplyTo = Address(fields, "Reply-To", problems),
            Headers = fields,
            ReceivedHeaders = ReceivedValues(fields, problems),
            TextBody = bodies.Text,
            HtmlBody = bodies.Html,
            TextPartEnds = bodies.TextPartEnds,
            HtmlPartEnds = bodies.HtmlPartEnds,
            Problems = problems,
        };
    }

    /// <summary>
    /// Reads at most <see cref="MessageConstants.MaxMessageBytes"/> bytes of <paramref name="stream"/> and parses them as
    /// Latin-1 text (one char per byte). The bytes and their chars go through pooled buffers, sized from the stream's length
    /// when it has one, returned once parsed: the message is never one string, only what is kept of it is.
    /// </summary>
    public static async Task<(MessageContext Context, bool Truncated)> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        // One byte over the limit tells a message of exactly the limit from a longer one.
        const int Capacity = MessageConstants.MaxMessageBytes + 1;
        var expected = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) + 1 : InitialUnknownLength;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(expected, Capacity));
        var length = 0;
        try
        {
            while (length < Capacity)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Capacity));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, Capacity) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            var truncated = length > MessageConstants.MaxMessageBytes;
            var bytes = buffer.AsSpan(0, Math.Min(length, MessageConstants.MaxMessageBytes));
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
            try
            {
                var text = chars.AsMemory(0, System.Text.Encoding.Latin1.GetChars(bytes, chars));
                return (Parse(text, textIsRawBytes: true), truncated);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int InitialUnknownLength = 64 * 1024;

    // RFC 6532 allows UTF-8 in headers; bytes that are not valid UTF-8 stay Latin-1.
    private static string HeaderText(string latin1, List<MessageProblem> problems) =>
        !System.Text.Ascii.IsValid(latin1)
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
