using System.Buffers;

namespace Dnsbl.Client.Messages;

// Choosing the key text of each pattern for the one-pass prefilter (CannotMatch).
internal sealed partial class RedirectorPatternSet
{
    /// <summary>
    /// The text a pattern's links are searched for: a part of one of its required texts (any part of a required text is
    /// required too), chosen to be rare in links. The search checks each place where a key's first chars occur, so a key
    /// starting "http://", ".com" or "/" would be checked on nearly every link: each text is cut to start at its first
    /// three chars free of URL punctuation and of the starts common in links (CommonInLinks); the longest such part wins.
    /// </summary>
    internal static string KeyOf(string[] texts)
    {
        var best = texts[0];
        var bestIsRare = false;
        foreach (var text in texts)
        {
            var start = RareStart(text);
            var key = start < 0 ? text : text[start..];
            if ((start >= 0 && !bestIsRare) || (start >= 0 == bestIsRare && key.Length > best.Length))
            {
                (best, bestIsRare) = (key, start >= 0);
            }
        }

        return best;
    }

    private static int RareStart(string text)
    {
        for (var start = 0; start + 3 <= text.Length; start++)
        {
            var first = text.AsSpan(start, 3);
            if (first.IndexOfAny(UrlPunctuation) < 0 && !IsCommonInLinks(first))
            {
                return start;
            }
        }

        return -1;
    }

    private static readonly SearchValues<char> UrlPunctuation = SearchValues.Create(":/.?=&;#");

    // The scheme, "www" and the commonest top-level labels, and the starts of the words of newsletters' tracking and image
    // links (track, click, mail, news, image, page, utm): a key starting so would be checked on most links of a newsletter
    // ("translate?" of the Google pattern on every "track." link).
    private static readonly string[] CommonInLinks =
        ["htt", "ttp", "tps", "www", "com", "net", "org", "tra", "rac", "cli", "lic", "mai", "new", "ima", "mag", "age", "pag", "utm"];

    private static bool IsCommonInLinks(ReadOnlySpan<char> three)
    {
        foreach (var common in CommonInLinks)
        {
            if (three.Equals(common, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
