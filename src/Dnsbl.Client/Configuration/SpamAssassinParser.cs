using System.Globalization;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Configuration;

/// <summary>Reads SpamAssassin configuration lines into rules, scores and settings; <see cref="Build"/> turns them into lists.</summary>
internal sealed partial class SpamAssassinParser(int scoreSet, NameServerRuleMode nameServerRules = NameServerRuleMode.AsSpamAssassin4Runs)
{
    private const double DefaultRequiredScore = 5.0;

    // Keywords that define a rule SpamAssassin tests locally (not a DNS list): a meta over one of these is not importable.
    private static readonly HashSet<string> LocalRuleKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "header", "body", "rawbody", "full", "uri", "mimeheader", "uri_detail", "check_hashbl_emails",
    };

    private readonly Dictionary<string, SpamAssassinRule> dnsRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLine> localRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SourceLine At, string Expression)> metas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double[] Scores, SourceLine At)> scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> tflags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLine> blockRules = new(StringComparer.Ordinal);
    private readonly List<string> skipDomains = [];
    private readonly List<string> redirectorPatterns = [];
    private readonly List<ImportProblem> problems = [];
    private readonly List<string> fileOrder = [];
    private double? requiredScore;
    private int? maxUriDomains;
    private int? bodyPartScanSize;
    private bool? skipMailto;

    public void ReadFile(string? fileName, IEnumerable<string> lines)
    {
        fileOrder.Add(fileName ?? string.Empty);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var text = StripComment(raw ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var at = new SourceLine(fileName, number, text);
            try
            {
                ReadLine(at);
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
            {
                // A safety net: every known shape is checked above; an unforeseen one is a reported line, never a crash.
                problems.Add(at.Problem($"the line could not be read ({exception.GetType().Name}: {exception.Message})"));
            }
        }
    }

    private void ReadLine(SourceLine at)
    {
        var parts = at.Text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var keyword = parts[0].ToLowerInvariant();
        var name = parts.Length > 1 ? parts[1] : string.Empty;
        var rest = parts.Length > 2 ? parts[2].Trim() : string.Empty;
        switch (keyword)
        {
            case "header" when rest.StartsWith("eval:check_rbl", StringComparison.Ordinal):
                ReadRblEval(at, name, rest);
                break;
            case "body" when rest.StartsWith("eval:check_uridnsbl", StringComparison.Ordinal):
                break; // the test line of a urirhssub/uridnssub rule; the rule itself is read from that line
            case "header" or "body" or "rawbody" or "full" or "uri" when rest.StartsWith("eval:check_hashbl", StringComparison.Ordinal):
                ReadHashBl(at, name, rest);
                break;
            case "urirhssub" or "urirhsbl" or "uridnsbl" or "uridnssub" or "urinsrhsbl" or "urinsrhssub" or "urifullnsrhsbl" or "urifullnsrhssub":
                ReadUriRule(at, keyword, name, rest);
                break;
            case "askdns":
                ReadAskDns(at, name, rest);
                break;
            case "meta" when name.Length == 0 || rest.Length == 0:
                problems.Add(at.Problem("a meta line needs a rule name and an expression (SpamAssassin refuses it)"));
                break;
            case "meta":
                Define(name);
                metas[name] = (at, rest);
                break;
            case "score":
                ReadScore(at, name, rest);
                break;
            case "tflags":
                tflags[name] = new HashSet<string>(rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
                break;
            case "dns_block_rule":
                blockRules[name] = at;
                break;
            case "uridnsbl_skip_domain":
                skipDomains.AddRange(at.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(d => d.ToLowerInvariant()));
                break;
            case "clear_uridnsbl_skip_domain":
                ClearSkipDomains(at);
                break;
            case "uridnsbl_max_domains":
                ReadMaxDomains(at, name);
                break;
            case "body_part_scan_size":
                ReadBodyPartScanSize(at, name);
                break;
            case "uridnsbl_skip_mailto":
                skipMailto = name != "0";
                break;
            case "redirector_pattern":
                ReadRedirectorPattern(at, at.Text[parts[0].Length..].Trim());
                break;
            case "required_score" or "required_hits":
                ReadRequiredScore(at, name);
                break;
            default:
                if (LocalRuleKeywords.Contains(keyword) && name.Length > 0)
                {
                    Define(name);
                    localRules[name] = at;
                }

                break;
        }
    }

    // SpamAssassin keeps one definition per name: the last one read.
    private void Define(string name)
    {
        dnsRules.Remove(name);
        localRules.Remove(name);
        metas.Remove(name);
    }

    private bool HasFlag(string rule, string flag) => tflags.TryGetValue(rule, out var flags) && flags.Contains(flag);

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
