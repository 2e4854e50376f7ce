using System.Net;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The words of a message's body text a list's <see cref="Lists.DnsList.BodyPattern"/> matches (SpamAssassin HashBL's
/// <c>check_hashbl_bodyre</c>, which runs on the rendered body): the text part, then the HTML part's visible text (tags,
/// comments, scripts and styles removed as <see cref="HtmlTags"/> removes them, entities decoded); each match's first
/// group (or the whole match), lower-cased, distinct. At most <see cref="MessageConstants.MaxBodyPatternKeys"/> are
/// asked; the next distinct ones, up to <see cref="MaxReportedOverCap"/>, are returned to be reported as over the cap.
/// </summary>
internal static class BodyWords
{
    /// <summary>How many distinct words past the cap are listed as not asked before the scan stops (and says so).</summary>
    public const int MaxReportedOverCap = 1000;

    /// <summary>The words to ask; <paramref name="overCap"/> gets those past the cap, <paramref name="problems"/> what stopped the scan.</summary>
    public static List<string> Find(Regex pattern, (string? Text, string? HtmlText) bodies, List<string> overCap, List<MessageProblem> problems)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Texts(bodies))
        {
            try
            {
                for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
                {
                    var word = (match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value).ToLowerInvariant();
                    if (word.Length == 0 || !seen.Add(word))
                    {
                        continue;
                    }

                    if (words.Count < MessageConstants.MaxBodyPatternKeys)
                    {
                        words.Add(word);
                    }
                    else if (overCap.Count < MaxReportedOverCap)
                    {
                        overCap.Add(word);
                    }
                    else
                    {
                        problems.Add(MessageProblem.Create(
                            MessageProblemKind.TooManyBodyMatches,
                            $"a list's body pattern matched more than {MessageConstants.MaxBodyPatternKeys + MaxReportedOverCap} distinct words; the rest are neither asked nor listed"));
                        return words;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological body against the list's expression: the words found so far are asked, and the rest is reported.
                problems.Add(MessageProblem.Create(
                    MessageProblemKind.PatternTimedOut, "a list's body pattern ran out of time on the body; words after those found are not asked"));
            }
        }

        return words;
    }

    private static IEnumerable<string> Texts((string? Text, string? HtmlText) bodies)
    {
        if (!string.IsNullOrEmpty(bodies.Text))
        {
            yield return bodies.Text;
        }

        if (!string.IsNullOrEmpty(bodies.HtmlText))
        {
            yield return WebUtility.HtmlDecode(HtmlTags.ReplaceWithSpaces(bodies.HtmlText));
        }
    }
}
