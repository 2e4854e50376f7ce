namespace Dnsbl.Client.Scoring;

/// <summary>
/// The meta rules of a client, prepared once: by name, with the rules caught in a dependency cycle (which never hit,
/// as SpamAssassin compiles them to 0). <see cref="Evaluate"/> is pure and allocates only when meta rules exist.
/// </summary>
internal sealed class MetaRuleSet
{
    public static readonly MetaRuleSet Empty = new([]);

    private readonly IReadOnlyList<MetaRule> rules;
    private readonly Dictionary<string, MetaRule> byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> cyclic = new(StringComparer.Ordinal);

    public MetaRuleSet(IEnumerable<MetaRule> metaRules)
    {
        ArgumentNullException.ThrowIfNull(metaRules);
        rules = [.. metaRules];
        foreach (var rule in rules)
        {
            byName[rule.Name] = rule; // a later rule of the same name replaces an earlier one, as in SpamAssassin
        }

        foreach (var rule in byName.Values)
        {
            if (ReachesItself(rule))
            {
                cyclic.Add(rule.Name);
            }
        }
    }

    public bool IsEmpty => rules.Count == 0;

    /// <summary>The meta rules that hit given the names of the rules that hit, and the weight they add.</summary>
    public (double Weight, IReadOnlyList<MetaRuleHit> Hits) Evaluate(IReadOnlySet<string> ruleHits)
    {
        ArgumentNullException.ThrowIfNull(ruleHits);
        if (IsEmpty)
        {
            return (0, []);
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var hits = new List<MetaRuleHit>();
        var weight = 0.0;
        foreach (var rule in byName.Values)
        {
            if (ValueOf(rule, ruleHits, values) != 0)
            {
                var added = rule.IsSubRule ? 0 : rule.Weight;
                hits.Add(new MetaRuleHit(rule.Name, added));
                weight = Lists.Weights.Add(weight, added);
            }
        }

        return (weight, hits);
    }

    private double ValueOf(MetaRule rule, IReadOnlySet<string> ruleHits, Dictionary<string, double> values)
    {
        if (values.TryGetValue(rule.Name, out var known))
        {
            return known;
        }

        var value = 0.0;
        if (!cyclic.Contains(rule.Name))
        {
            var result = rule.Compiled.Evaluate(name =>
                byName.TryGetValue(name, out var meta) ? ValueOf(meta, ruleHits, values) : ruleHits.Contains(name) ? 1 : 0);
            value = result != 0 && !double.IsNaN(result) ? (result > 0 ? result : 1) : 0;
        }

        values[rule.Name] = value;
        return value;
    }

    // Iterative search, so a long chain of meta rules cannot exhaust the stack here (evaluation depth follows the chain).
    private bool ReachesItself(MetaRule start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(start.Operands);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name == start.Name)
            {
                return true;
            }

            if (seen.Add(name) && byName.TryGetValue(name, out var meta))
            {
                foreach (var operand in meta.Operands)
                {
                    pending.Push(operand);
                }
            }
        }

        return false;
    }
}
