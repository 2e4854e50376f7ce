using System.Net;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The words of a message's body text a list's <see cref="Lists.DnsList.BodyPattern"/> matches (SpamAssassin HashBL's
/// <c>check_hashbl_bodyre</c>): the text part, then the HTML part's visible text (tags removed, entities decoded); each
/// match's first group (or the whole match), lower-cased, distinct, at most <see cref="MessageConstants.MaxBodyPatternKeys"/>.
/// </summary>
internal static partial class BodyWords
{
    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();

    public static List<string> Find(Regex pattern, MessageContext context)
    {
        var words = new List<string>();
        foreach (var text in Texts(context))
        {
            try
            {
                for (var match = pattern.Match(text); match.Success && words.Count < MessageConstants.MaxBodyPatternKeys; match = match.NextMatch())
                {
                    var word = (match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value).ToLowerInvariant();
                    if (word.Length > 0 && !words.Contains(word))
                    {
                        words.Add(word);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological body against the list's expression: the words found so far are asked.
            }
        }

        return words;
    }

    private static IEnumerable<string> Texts(MessageContext context)
    {
        if (!string.IsNullOrEmpty(context.TextBody))
        {
            yield return context.TextBody;
        }

        if (!string.IsNullOrEmpty(context.HtmlBody))
        {
            string visible;
            try
            {
                visible = WebUtility.HtmlDecode(Tag().Replace(context.HtmlBody, " "));
            }
            catch (RegexMatchTimeoutException)
            {
                yield break;
            }

            yield return visible;
        }
    }
}
