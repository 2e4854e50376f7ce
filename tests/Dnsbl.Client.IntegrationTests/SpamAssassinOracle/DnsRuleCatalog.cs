using System.Text.RegularExpressions;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// The names of SpamAssassin's DNS-list rules, read from the shipped rule files: rules on a DNS eval (<c>check_rbl*</c>,
/// <c>check_uridnsbl</c>, <c>check_hashbl*</c>), URI-list and <c>askdns</c> definitions, and metas whose every operand is
/// such a rule. The oracle compares only these of SpamAssassin's hits (its body and header rules are not ours to match).
/// </summary>
internal static partial class DnsRuleCatalog
{
    public static IReadOnlySet<string> Read(IEnumerable<(string FileName, string Text)> files)
    {
        var dns = new HashSet<string>(StringComparer.Ordinal);
        var metas = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (_, text) in files)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Split('#')[0];
                if (DnsEval().Match(line) is { Success: true } eval)
                {
                    dns.Add(eval.Groups["name"].Value);
                }
                else if (ListDefinition().Match(line) is { Success: true } definition)
                {
                    dns.Add(definition.Groups["name"].Value);
                }
                else if (Meta().Match(line) is { Success: true } meta)
                {
                    metas[meta.Groups["name"].Value] = [.. Operand().Matches(meta.Groups["expression"].Value).Select(m => m.Value)];
                }
            }
        }

        // A meta over DNS rules is itself a DNS rule; metas over metas need several passes.
        for (var added = true; added;)
        {
            added = false;
            foreach (var (name, operands) in metas)
            {
                if (!dns.Contains(name) && operands.Length > 0 && operands.All(dns.Contains))
                {
                    added = dns.Add(name);
                }
            }
        }

        return dns;
    }

    [GeneratedRegex(@"^\s*(?:header|body|rawbody|full|uri)\s+(?<name>\w+)\s+eval:(?:check_rbl\w*|check_uridnsbl|check_hashbl\w*)\(")]
    private static partial Regex DnsEval();

    [GeneratedRegex(@"^\s*(?:urirhssub|urirhsbl|uridnssub|uridnsbl|urinsrhssub|urinsrhsbl|urifullnsrhssub|urifullnsrhsbl|askdns)\s+(?<name>\w+)\s")]
    private static partial Regex ListDefinition();

    [GeneratedRegex(@"^\s*meta\s+(?<name>\w+)\s+(?<expression>.+)$")]
    private static partial Regex Meta();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Operand();
}
