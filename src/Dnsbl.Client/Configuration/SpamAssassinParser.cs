using System.Globalization;

namespace Dnsbl.Client.Configuration;

/// <summary>Reads SpamAssassin configuration lines into sets, rules and scores; <see cref="Build"/> turns them into lists.</summary>
internal sealed partial class SpamAssassinParser
{
    private const double DefaultScore = 1.0;
    private const double DefaultNiceScore = -1.0;
    private const double DefaultRequiredScore = 5.0;

    private readonly Dictionary<string, SpamAssassinSet> sets = new(StringComparer.Ordinal);
    private readonly List<SpamAssassinRule> rules = [];
    private readonly Dictionary<string, (double Score, SourceLine At)> scores = new(StringComparer.Ordinal);
    private readonly HashSet<string> niceRules = new(StringComparer.Ordinal);
    private readonly List<(SourceLine At, string Expression)> metas = [];
    private readonly List<ImportProblem> problems = [];
    private readonly List<string> fileOrder = [];
    private double? requiredScore;

    public void ReadFile(string? fileName, IEnumerable<string> lines)
    {
        fileOrder.Add(fileName ?? string.Empty);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var text = StripComment(raw).Trim();
            if (text.Length > 0)
            {
                ReadLine(new SourceLine(fileName, number, text));
            }
        }
    }

    private void ReadLine(SourceLine at)
    {
        var parts = at.Text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var keyword = parts[0].ToLowerInvariant();
        var name = parts.Length > 1 ? parts[1] : string.Empty;
        var rest = parts.Length > 2 ? parts[2] : string.Empty;
        switch (keyword)
        {
            case "header" when rest.StartsWith("eval:check_rbl", StringComparison.Ordinal):
                ReadRblEval(at, name, rest);
                break;
            case "urirhssub" or "urirhsbl":
                ReadUriRule(at, keyword, name, rest);
                break;
            case "uridnsbl" or "uridnssub":
                problems.Add(at.Problem($"{keyword} looks up the addresses of a link's name servers; that is not supported"));
                break;
            case "askdns":
                problems.Add(at.Problem("askdns (arbitrary DNS queries) is not supported"));
                break;
            case "score":
                ReadScore(at, name, rest);
                break;
            case "tflags" when rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("nice"):
                niceRules.Add(name);
                break;
            case "meta":
                metas.Add((at, rest));
                break;
            case "required_score" or "required_hits":
                ReadRequiredScore(at, name);
                break;
        }
    }

    private void ReadScore(SourceLine at, string name, string rest)
    {
        var values = rest.Split(' ', '\t').Where(v => v.Length > 0).ToArray();
        if (values.Length is < 1 or > 4
            || !double.TryParse(values[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            problems.Add(at.Problem("a score line needs one to four numbers"));
            return;
        }

        scores[name] = (score, at);
    }

    private void ReadRequiredScore(SourceLine at, string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            requiredScore = score;
        }
        else
        {
            problems.Add(at.Problem("required_score is not a number"));
        }
    }

    // '#' starts a comment unless escaped ("\#" appears in regular expressions).
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || line[i - 1] != '\\'))
            {
                return line[..i];
            }
        }

        return line;
    }
}
