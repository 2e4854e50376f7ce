using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Configuration;

/// <summary>redirector_pattern lines (Mail::SpamAssassin::Conf): a Perl regex literal whose group 1 is a redirector's target.</summary>
internal sealed partial class SpamAssassinParser
{
    private void ReadRedirectorPattern(SourceLine at, string literal)
    {
        if (literal.Length == 0)
        {
            problems.Add(at.Problem("redirector_pattern needs a pattern (SpamAssassin refuses the line)"));
            return;
        }

        if (PerlRegexLiteral.ToPattern(literal, out var error) is not { } pattern)
        {
            problems.Add(at.Problem($"redirector_pattern '{literal}' is not a pattern SpamAssassin accepts: {error} (SpamAssassin refuses the line)"));
            return;
        }

        // Perl syntax .NET does not read (possessive quantifiers, \K, recursion...) or a pattern without the target group.
        if (RedirectorPatternSet.Problem(pattern) is { } problem)
        {
            problems.Add(at.Problem($"{problem}; not imported"));
            return;
        }

        redirectorPatterns.Add(pattern);
    }
}
