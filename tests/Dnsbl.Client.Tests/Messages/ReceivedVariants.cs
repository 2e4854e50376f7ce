using System.Text.RegularExpressions;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// Mechanical variants of a real Received header, to test parser changes that must not change results: each word left
/// out in turn (so a header lacks each literal it had), the case flipped, the date cut off, the white space refolded,
/// the address swapped for IPv6, the protocol swapped for an authenticated one.
/// </summary>
internal static partial class ReceivedVariants
{
    /// <summary>The variants whose expected results are recorded (cheap to store: a few per header).</summary>
    public static IEnumerable<string> Recorded(string header)
    {
        yield return header;
        yield return header.ToUpperInvariant();
        if (header.LastIndexOf(';') is var semicolon and > 0)
        {
            yield return header[..semicolon];
        }

        yield return "\r\n\t" + header.Replace(" ", "  \r\n\t", StringComparison.Ordinal) + " ;; ";
        if (Ipv4().Match(header) is { Success: true } ipv4)
        {
            yield return string.Concat(header.AsSpan(0, ipv4.Index), "IPv6:2a00:1450:4864:20::42b", header.AsSpan(ipv4.Index + ipv4.Length));
            yield return string.Concat(header.AsSpan(0, ipv4.Index), "::ffff:", header.AsSpan(ipv4.Index));
        }

        yield return WithSmtp().Replace(header, " with ESMTPSA ", 1);
    }

    /// <summary>Each word (space-separated) left out in turn, and the header cut after each word.</summary>
    public static IEnumerable<string> WordsLeftOut(string header)
    {
        var words = header.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            yield return string.Join(' ', words.Take(i).Concat(words.Skip(i + 1)));
            yield return string.Join(' ', words.Take(i + 1));
        }
    }

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@" with E?SMTPS? ", RegexOptions.IgnoreCase)]
    private static partial Regex WithSmtp();
}
