using System.Buffers;
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
    public static string Decode(ReadOnlySpan<char> raw, string transferEncoding, string? charset, bool textIsRawBytes, List<MessageProblem> problems)
    {
        if (transferEncoding is not ("base64" or "quoted-printable") && !textIsRawBytes)
        {
            if (!string.IsNullOrWhiteSpace(charset) && FindEncoding(charset) is null)
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.UnknownCharset, charset));
            }

            return raw.ToString(); // already characters
        }

        if (transferEncoding is not ("base64" or "quoted-printable") && Ascii.IsValid(raw))
        {
            // 7bit (the usual text part): its bytes are its chars in any charset that keeps ASCII as it is; no copy to
            // bytes and back.
            var declared = FindEncoding(charset);
            if (declared is null || KeepsAscii(declared))
            {
                if (declared is null && !string.IsNullOrWhiteSpace(charset))
                {
                    problems.Add(MessageProblem.Create(MessageProblemKind.UnknownCharset, charset));
                }

                return raw.ToString();
            }
        }

        var capacity = transferEncoding switch
        {
            "base64" => TransferDecoder.Base64Capacity(raw.Length),
            "quoted-printable" => TransferDecoder.QuotedPrintableCapacity(raw.Length),
            _ => raw.Length,
        };
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, capacity));
        try
        {
            var length = transferEncoding switch
            {
                "base64" => TransferDecoder.DecodeBase64(raw, problems, buffer),
                "quoted-printable" => TransferDecoder.DecodeQuotedPrintable(raw, textIsRawBytes, buffer),
                _ => Encoding.Latin1.GetBytes(raw, buffer),
            };
            return DecodeCharset(buffer.AsSpan(0, length), charset, problems);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes <paramref name="bytes"/> in <paramref name="charset"/>; unknown charsets read as UTF-8, else Latin-1.</summary>
    public static string DecodeCharset(ReadOnlySpan<byte> bytes, string? charset, List<MessageProblem> problems)
    {
        var encoding = FindEncoding(charset);
        if (encoding is not null && !(encoding.CodePage == 20127 && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xff) >= 0))
        {
            return encoding.GetString(bytes);
        }

        if (encoding is not null)
        {
            // Declared US-ASCII but 8-bit: mis-declared (commonly UTF-8 or a Windows code page), read as below.
            problems.Add(MessageProblem.Create(MessageProblemKind.UnknownCharset, $"{charset} declared for 8-bit content; read as UTF-8 or Latin-1"));
            charset = null;
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

    // Charsets whose bytes 0x00-0x7F are the same ASCII chars: UTF-8, US-ASCII, ISO-8859-1 to -16, Windows-1250 to -1258.
    private static bool KeepsAscii(Encoding encoding) =>
        encoding.CodePage is 65001 or 20127 or (>= 28591 and <= 28605) or (>= 1250 and <= 1258);

    // The charsets nearly every part declares, looked up once (by the same lookup) instead of through the code-page
    // provider's locked name table per part.
    private static readonly Encoding? Utf8ByName = FindEncodingByName("utf-8");
    private static readonly Encoding? UsAsciiByName = FindEncodingByName("us-ascii");
    private static readonly Encoding? Latin1ByName = FindEncodingByName("iso-8859-1");

    internal static Encoding? FindEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"');
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8ByName;
        }

        if (name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return UsAsciiByName;
        }

        return name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) ? Latin1ByName : FindEncodingByName(name);
    }

    /// <summary>The encoding named <paramref name="name"/> (trimmed), or null when .NET and its code pages know none.</summary>
    internal static Encoding? FindEncodingByName(string name)
    {
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
}
