using System.Globalization;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Configuration;

/// <summary>score lines (Mail::SpamAssassin::Conf's rules: 1 or 4 values, "(n)" relative) and the plain settings.</summary>
internal sealed partial class SpamAssassinParser
{
    [GeneratedRegex(@"^-?\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ScorePattern();

    [GeneratedRegex(@"^\((-?\d+(?:\.\d+)?)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeScorePattern();

    private void ReadScore(SourceLine at, string name, string rest)
    {
        var values = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (name.Length == 0 || values.Length is not (1 or 4))
        {
            problems.Add(at.Problem("a score line needs a rule name and 1 or 4 scores (SpamAssassin ignores it)"));
            return;
        }

        var relative = false;
        var numbers = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (RelativeScorePattern().Match(value) is { Success: true } match)
            {
                relative = true;
                value = match.Groups[1].Value;
            }

            if (!ScorePattern().IsMatch(value))
            {
                problems.Add(at.Problem($"the score '{values[i]}' is not a number (SpamAssassin ignores the line)"));
                return;
            }

            numbers[i] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var four = numbers.Length == 4 ? numbers : [numbers[0], numbers[0], numbers[0], numbers[0]];
        if (relative)
        {
            if (!scores.TryGetValue(name, out var previous))
            {
                problems.Add(at.Problem("a relative score needs an earlier score for the rule (SpamAssassin ignores the line)"));
                return;
            }

            four = [.. four.Select((n, i) => previous.Scores[i] + n)];
        }

        scores[name] = (four, at);
    }

    private void ClearSkipDomains(SourceLine at)
    {
        var domains = at.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(d => d.ToLowerInvariant()).ToHashSet();
        skipDomains.RemoveAll(d => domains.Count == 0 || domains.Contains(d));
    }

    private void ReadMaxDomains(SourceLine at, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0)
        {
            maxUriDomains = max;
        }
        else
        {
            problems.Add(at.Problem("uridnsbl_max_domains needs a positive whole number"));
        }
    }

    // 0 turns the limit off, as in SpamAssassin.
    private void ReadBodyPartScanSize(SourceLine at, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            bodyPartScanSize = size;
        }
        else
        {
            problems.Add(at.Problem("body_part_scan_size needs a whole number (0 scans every part whole)"));
        }
    }

    private void ReadRequiredScore(SourceLine at, string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score))
        {
            requiredScore = score;
        }
        else
        {
            problems.Add(at.Problem("required_score is not a number"));
        }
    }
}
