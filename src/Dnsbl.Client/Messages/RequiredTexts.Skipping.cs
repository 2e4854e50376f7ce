namespace Dnsbl.Client.Messages;

// Stepping over the constructs that hold no required text: quantifiers, groups, character classes, extended-mode options.
internal static partial class RequiredTexts
{
    // The position after a quantifier at at (with its lazy or possessive mark), or null when none is there.
    // allowsNone: whether it allows zero repeats; null for a '{' that is not a quantifier (the reader gives up).
    private static int? SkipQuantifier(string pattern, int at, out bool? allowsNone)
    {
        allowsNone = false;
        if (at >= pattern.Length)
        {
            return null;
        }

        int end;
        switch (pattern[at])
        {
            case '*' or '?':
                allowsNone = true;
                end = at + 1;
                break;
            case '+':
                end = at + 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', at);
                var inside = close < 0 ? "" : pattern[(at + 1)..close];
                var comma = inside.IndexOf(',', StringComparison.Ordinal);
                var least = comma < 0 ? inside : inside[..comma];
                if (close < 0 || least.Length == 0 || !least.All(char.IsAsciiDigit) || (comma >= 0 && !inside[(comma + 1)..].All(char.IsAsciiDigit)))
                {
                    allowsNone = null;
                    return at; // not a quantifier this reader knows
                }

                allowsNone = least.All(d => d == '0');
                end = close + 1;
                break;
            default:
                return null;
        }

        return end < pattern.Length && pattern[end] is '?' or '+' ? end + 1 : end;
    }

    // The position after the group opening at open, or null when it does not close.
    private static int? SkipGroup(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    if (SkipClass(pattern, i) is not { } afterClass)
                    {
                        return null;
                    }

                    i = afterClass - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return null;
    }

    // The position after the character class opening at open ("[^]...]" and "[]...]" hold a literal ']'), or null.
    private static int? SkipClass(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '[')
            {
                return null; // a subtraction or nested class: not read here
            }
            else if (pattern[i] == ']')
            {
                return i + 1;
            }
        }

        return null;
    }

    // An inline option group that turns on extended mode ("(?x)", "(?ix:", ...), where white space is not literal.
    private static bool IsExtendedModeGroup(string pattern, int open)
    {
        if (open + 1 >= pattern.Length || pattern[open + 1] != '?')
        {
            return false;
        }

        for (var i = open + 2; i < pattern.Length && (char.IsAsciiLetter(pattern[i]) || pattern[i] == '-'); i++)
        {
            if (pattern[i] == 'x')
            {
                return true;
            }
        }

        return false;
    }
}
