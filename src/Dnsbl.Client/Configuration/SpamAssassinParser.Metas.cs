using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    private enum MetaStatus
    {
        /// <summary>Reads no DNS rule: a local rule to this import, silently left out like body rules.</summary>
        Local,

        /// <summary>Reads DNS rules (directly or through meta rules) and nothing SpamAssassin tests locally.</summary>
        Dns,

        /// <summary>Reads DNS rules and local rules, or cannot be used: reported.</summary>
        Mixed,
    }

    /// <summary>Imports the meta rules that read only imported DNS rules (and other such meta rules); reports those that mix in local rules.</summary>
    private List<MetaRule> ImportMetas(HashSet<string> dnsRuleNames)
    {
        var status = new Dictionary<string, MetaStatus>(StringComparer.Ordinal);
        var imported = new List<MetaRule>();
        foreach (var name in metas.Keys)
        {
            if (StatusOf(name, dnsRuleNames, status, []) != MetaStatus.Dns)
            {
                continue;
            }

            var (at, expression) = metas[name];
            var weight = WeightOfMeta(name, out var scoreLine);
            if (weight == 0 && !name.StartsWith("__", StringComparison.Ordinal))
            {
                problems.Add((scoreLine ?? at).Problem($"{name} has a score of 0 in score set {scoreSet}, which disables it in SpamAssassin; not imported"));
                continue;
            }

            try
            {
                imported.Add(new MetaRule(name, expression, weight));
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                problems.Add(at.Problem($"{name} is not imported: {exception.Message}"));
            }
        }

        return imported;
    }

    private double WeightOfMeta(string name, out SourceLine? scoreLine)
    {
        var score = ScoreOf(name, out scoreLine);
        return name.StartsWith("__", StringComparison.Ordinal) && score != 0 ? 0 : score;
    }

    private MetaStatus StatusOf(string name, HashSet<string> dnsRuleNames, Dictionary<string, MetaStatus> status, HashSet<string> visiting)
    {
        if (status.TryGetValue(name, out var known))
        {
            return known;
        }

        var (at, expression) = metas[name];
        if (!visiting.Add(name))
        {
            return MetaStatus.Local; // a cycle: SpamAssassin compiles these to 0; decided where the cycle started
        }

        MetaExpression compiled;
        try
        {
            compiled = MetaExpression.Parse(expression);
        }
        catch (FormatException exception)
        {
            problems.Add(at.Problem($"{name} is not imported: {exception.Message}"));
            return status[name] = MetaStatus.Mixed;
        }

        var readsDns = false;
        var local = new List<string>();
        var notImported = new List<string>();
        var unimportedMetas = new List<string>();
        foreach (var operand in compiled.Operands)
        {
            if (dnsRuleNames.Contains(operand))
            {
                readsDns = true;
            }
            else if (dnsRules.ContainsKey(operand))
            {
                notImported.Add(operand); // never hits here; in SpamAssassin it may run (askdns, NS rules) or not (score 0)
            }
            else if (metas.ContainsKey(operand))
            {
                switch (StatusOf(operand, dnsRuleNames, status, visiting))
                {
                    case MetaStatus.Dns:
                        readsDns = true;
                        break;
                    case MetaStatus.Mixed:
                        unimportedMetas.Add(operand);
                        break;
                    default:
                        local.Add(operand);
                        break;
                }
            }
            else if (localRules.ContainsKey(operand))
            {
                local.Add(operand);
            }

            // local_tests_only and undefined names are 0, as in SpamAssassin with network tests on.
        }

        visiting.Remove(name);
        MetaStatus result;
        if (unimportedMetas.Count > 0)
        {
            result = MetaStatus.Mixed;
            problems.Add(at.Problem($"{name} is not imported: it reads meta rules that are not imported ({string.Join(", ", unimportedMetas)})"));
        }
        else if ((readsDns || notImported.Count > 0) && local.Count > 0)
        {
            result = MetaStatus.Mixed;
            problems.Add(at.Problem($"{name} is not imported: it combines DNS rules with rules SpamAssassin tests locally ({string.Join(", ", local.Take(5))}{(local.Count > 5 ? ", ..." : "")})"));
        }
        else if (notImported.Any(n => dnsRules[n].Unusable is not null))
        {
            result = MetaStatus.Mixed;
            problems.Add(at.Problem($"{name} is not imported: it reads DNS rules that are not imported ({string.Join(", ", notImported)})"));
        }
        else if (notImported.Where(n => IsRefusalRule(dnsRules[n])).ToList() is { Count: > 0 } refusals)
        {
            // A refusal is the list's error code here (an error, never a hit), so a meta over it could never fire.
            result = MetaStatus.Mixed;
            problems.Add(at.Problem($"{name} is not imported: it reads refusal rules ({string.Join(", ", refusals)}), which are imported as their lists' error codes, never as hits"));
        }
        else if (!readsDns && notImported.Count > 0)
        {
            result = MetaStatus.Mixed;
            problems.Add(at.Problem($"{name} is not imported: it reads only DNS rules that are disabled by a score of 0 ({string.Join(", ", notImported)})"));
        }
        else
        {
            result = readsDns ? MetaStatus.Dns : MetaStatus.Local;
        }

        return status[name] = result;
    }
}
