using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// Running the patterns on a link: the first target with a '.', each pattern given a second try after a timeout.
internal sealed partial class RedirectorPatternSet
{
    /// <summary>
    /// The target of the first pattern that matches <paramref name="canonicalLink"/> with a '.' in its group 1; null when
    /// none does. <paramref name="timedOut"/> is how many patterns ran out of time twice on the link and were passed over:
    /// when it is not 0, a target they would have given is unknown.
    /// </summary>
    public string? TargetOf(string canonicalLink, out int timedOut)
    {
        timedOut = 0;

        // The texts are compared ignoring ASCII case, which is the regex's case-insensitivity only for ASCII links.
        var ascii = System.Text.Ascii.IsValid(canonicalLink);
        for (var i = 0; i < patterns.Length; i++)
        {
            if (ascii && !RequiredTexts.AllIn(canonicalLink, required[i]))
            {
                continue;
            }

            switch (Target(patterns[i], canonicalLink, out var target))
            {
                case PatternOutcome.Target:
                    return target;
                case PatternOutcome.TimedOut:
                    timedOut++; // a hostile link against a slow pattern: the others still run
                    break;
            }
        }

        return null;
    }

    private static PatternOutcome Target(Regex pattern, string link, out string? target)
    {
        target = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                // IsMatch first: nearly every link matches no pattern, and it builds no Match or captures for them.
                if (!pattern.IsMatch(link))
                {
                    return PatternOutcome.NoTarget;
                }

                var match = pattern.Match(link);
                if (match.Success && match.Groups[1] is { Success: true } group && group.ValueSpan.Contains('.'))
                {
                    target = group.Value;
                    return PatternOutcome.Target;
                }

                return PatternOutcome.NoTarget;
            }
            catch (RegexMatchTimeoutException)
            {
                // Once more: the first timeout may be a pause of the whole process, not the pattern's own cost.
            }
        }

        return PatternOutcome.TimedOut;
    }

    private enum PatternOutcome
    {
        NoTarget,
        Target,
        TimedOut,
    }
}
