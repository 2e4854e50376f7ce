namespace Dnsbl.Client.Messages;

// The lookup of a name's public suffix: a walk over its suffixes from the top-level label.
public sealed partial class PublicSuffixList
{
    // The PSL algorithm: an exception rule prevails (its suffix is the rule minus its leftmost label); otherwise the
    // matching rule with the most labels, where "*.name" matches one label more than name; otherwise the implicit "*"
    // rule (one label). The suffixes are walked from the top-level label and the walk ends at the first that neither is
    // nor ends a rule: no longer suffix can match then (a wildcard on the last one found still counts one label more).
    private int PublicSuffixLabelCount(ReadOnlySpan<char> name, ReadOnlySpan<int> labelStarts, bool icannOnly)
    {
        var exception = icannOnly ? PublicSuffixRule.ExceptionIcann : PublicSuffixRule.ExceptionIcann | PublicSuffixRule.ExceptionPrivate;
        var normal = icannOnly ? PublicSuffixRule.Icann : PublicSuffixRule.Icann | PublicSuffixRule.Private;
        var wildcard = icannOnly ? PublicSuffixRule.WildcardIcann : PublicSuffixRule.WildcardIcann | PublicSuffixRule.WildcardPrivate;
        var count = labelStarts.Length;
        var longestException = 0;
        var longestMatch = 1;
        var wildcardBelow = false;
        for (var labels = 1; labels <= count; labels++)
        {
            if (wildcardBelow)
            {
                longestMatch = labels;
            }

            if (!walk.TryGetValue(name[labelStarts[count - labels]..], out var rule))
            {
                break;
            }

            if ((rule & exception) != 0)
            {
                longestException = labels;
            }

            if ((rule & normal) != 0)
            {
                longestMatch = labels;
            }

            wildcardBelow = (rule & wildcard) != 0;
        }

        return longestException > 0 ? longestException - 1 : longestMatch;
    }

    private static Dictionary<string, PublicSuffixRule> WithTails(Dictionary<string, PublicSuffixRule> rules)
    {
        var table = new Dictionary<string, PublicSuffixRule>(rules, StringComparer.Ordinal);
        foreach (var name in rules.Keys)
        {
            for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
            {
                var tail = name[(dot + 1)..];
                table[tail] = table.GetValueOrDefault(tail) | PublicSuffixRule.Tail;
            }
        }

        return table;
    }
}
