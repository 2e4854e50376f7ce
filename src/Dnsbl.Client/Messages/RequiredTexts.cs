using System.Text;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The fixed texts every match of a regular expression must contain, read from the pattern conservatively: runs of
/// literal characters outside any group, class or alternation, less a character a quantifier may drop. A link that lacks
/// one of them (compared ignoring ASCII case) cannot match, so a pattern is run only on links that have them all.
/// </summary>
/// <remarks>
/// Configured redirector patterns would otherwise run on every link of a message (15 shipped patterns, ~2.5 µs a link).
/// When in doubt the reader gives up and returns no texts, which only means the pattern always runs: extended mode
/// (<c>x</c>, where white space is not literal), escapes that take arguments (<c>\x41</c>, <c>\p{L}</c>, <c>\k&lt;n&gt;</c>,
/// back-references), a <c>{</c> that is not a quantifier, an alternation at the top level.
/// </remarks>
internal static partial class RequiredTexts
{
    /// <summary>The texts every match of <paramref name="pattern"/> contains; empty when none could be read safely.</summary>
    public static string[] Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var texts = new List<string>();
        var run = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            switch (c)
            {
                case '|':
                    return []; // either side may match: no text is required of both
                case '(':
                    if (IsExtendedModeGroup(pattern, i) || SkipGroup(pattern, i) is not { } afterGroup)
                    {
                        return [];
                    }

                    Flush(run, texts);
                    i = SkipQuantifier(pattern, afterGroup, out _) ?? afterGroup;
                    continue;
                case '[':
                    if (SkipClass(pattern, i) is not { } afterClass)
                    {
                        return [];
                    }

                    Flush(run, texts);
                    i = SkipQuantifier(pattern, afterClass, out _) ?? afterClass;
                    continue;
                case ')' or '*' or '+' or '?' or '{' or '}':
                    return []; // out of place for this reader
                case '.' or '^' or '$':
                    Flush(run, texts);
                    i = SkipQuantifier(pattern, i + 1, out _) ?? i + 1;
                    continue;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return [];
                    }

                    var escaped = pattern[i + 1];
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        if ("wWdDsSbBAzZG".IndexOf(escaped, StringComparison.Ordinal) < 0)
                        {
                            return []; // \x41, \u0041, \p{..}, \k<..>, \1, \n...: not read here
                        }

                        Flush(run, texts);
                        i = SkipQuantifier(pattern, i + 2, out _) ?? i + 2;
                        continue;
                    }

                    if (escaped > 0x7F)
                    {
                        return [];
                    }

                    i = AddLiteral(pattern, i + 2, escaped, run, texts);
                    if (i < 0)
                    {
                        return [];
                    }

                    continue;
                default:
                    if (c > 0x7F)
                    {
                        return [];
                    }

                    i = AddLiteral(pattern, i + 1, c, run, texts);
                    if (i < 0)
                    {
                        return [];
                    }

                    continue;
            }
        }

        Flush(run, texts);
        return [.. texts];
    }

    /// <summary>Whether <paramref name="text"/> (ASCII) contains every one of <paramref name="required"/>, ignoring case.</summary>
    public static bool AllIn(ReadOnlySpan<char> text, string[] required)
    {
        foreach (var piece in required)
        {
            if (text.IndexOf(piece, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }
        }

        return true;
    }

    // A literal character followed perhaps by a quantifier: one that allows none ends the run before it, any other
    // ends the run after it (what repeats is not one fixed text). Returns where reading goes on, or -1 to give up.
    private static int AddLiteral(string pattern, int next, char literal, StringBuilder run, List<string> texts)
    {
        if (SkipQuantifier(pattern, next, out var allowsNone) is not { } afterQuantifier)
        {
            run.Append(literal);
            return next;
        }

        if (allowsNone is null)
        {
            return -1;
        }

        if (allowsNone.Value)
        {
            Flush(run, texts);
        }
        else
        {
            run.Append(literal);
            Flush(run, texts);
        }

        return afterQuantifier;
    }

    private static void Flush(StringBuilder run, List<string> texts)
    {
        if (run.Length > 0)
        {
            texts.Add(run.ToString());
            run.Clear();
        }
    }
}
