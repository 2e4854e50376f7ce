using System.Text;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Decodes one body part: its transfer encoding (quoted-printable, base64, 7bit/8bit) and then its charset. Never
/// throws on bad input: what can be decoded is kept and the problem is recorded.
/// </summary>
internal static class BodyDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="raw">The part's body text.</param>
    /// <param name="transferEncoding">The Content-Transfer-Encoding value, lower case (empty when missing).</param>
    /// <param name="charset">The declared charset, or null.</param>
    /// <param name="textIsRawBytes">Whether <paramref name="raw"/> holds bytes as Latin-1 chars (read from a stream).</param>
    /// <param name="problems">Where problems are recorded.</param>
    public static string Decode(string raw, string transferEncoding, string? charset, bool textIsRawBytes, List<MessageProblem> problems)
    {
        byte[] bytes;
        switch (transferEncoding)
        {
            case "base64":
                bytes = DecodeBase64(raw, problems);
                break;
            case "quoted-printable":
                bytes = DecodeQuotedPrintable(raw, textIsRawBytes);
                break;
            default:
                if (!textIsRawBytes)
                {
                    if (!string.IsNullOrWhiteSpace(charset) && FindEncoding(charset) is null)
                    {
                        problems.Add(MessageProblem.Create(MessageProblemKind.UnknownCharset, charset));
                    }

                    return raw; // already characters
                }

                bytes = Encoding.Latin1.GetBytes(raw);
                break;
        }

        return DecodeCharset(bytes, charset, problems);
    }

    /// <summary>Decodes <paramref name="bytes"/> in <paramref name="charset"/>; unknown charsets read as UTF-8, else Latin-1.</summary>
    public static string DecodeCharset(byte[] bytes, string? charset, List<MessageProblem> problems)
    {
        var encoding = FindEncoding(charset);
        if (encoding is not null)
        {
            return encoding.GetString(bytes);
        }

        if (!string.IsNullOrWhiteSpace(charset))
        {
            problems.Add(MessageProblem.Create(MessageProblemKind.UnknownCharset, charset));
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes); // every byte sequence is valid Latin-1
        }
    }

    private static Encoding? FindEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"');
        try
        {
            // The code-page provider is asked directly, so the library never registers a process-wide provider.
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static byte[] DecodeBase64(string raw, List<MessageProblem> problems)
    {
        var clean = new StringBuilder(raw.Length);
        var invalid = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                clean.Append(c);
            }
            else if (c == '=')
            {
                break; // padding ends the data; anything after it is not part of this part
            }
            else if (!char.IsWhiteSpace(c))
            {
                invalid = true;
            }
        }

        // A dangling single char cannot carry a byte; drop it, then pad to a multiple of four.
        if (clean.Length % 4 == 1)
        {
            clean.Length--;
            invalid = true;
        }

        clean.Append('=', (4 - (clean.Length % 4)) % 4);
        if (invalid)
        {
            problems.Add(MessageProblem.Create(MessageProblemKind.BadTransferEncoding, "invalid characters in base64 body"));
        }

        return Convert.FromBase64String(clean.ToString());
    }

    private static byte[] DecodeQuotedPrintable(string raw, bool textIsRawBytes)
    {
        var output = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '=' && i + 1 < raw.Length)
            {
                if (raw[i + 1] is '\r' or '\n')
                {
                    // Soft line break (RFC 2045 §6.7 rule 5).
                    i += raw[i + 1] == '\r' && i + 2 < raw.Length && raw[i + 2] == '\n' ? 2 : 1;
                    continue;
                }

                if (i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
                {
                    output.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                    i += 2;
                    continue;
                }
            }

            if (c <= 0xFF && (textIsRawBytes || c < 0x80))
            {
                output.Add((byte)c);
            }
            else
            {
                // A Unicode string given to Parse may hold non-ASCII text in a QP part; keep it as UTF-8.
                var length = new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(utf8);
                output.AddRange(utf8[..length]);
            }
        }

        return [.. output];
    }
}
