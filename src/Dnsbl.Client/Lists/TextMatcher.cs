namespace Dnsbl.Client.Lists;

/// <summary>Applies a <see cref="ListQueryType.Txt"/> list's rules to the TXT strings it returned (SpamAssassin's check_rbl_txt).</summary>
/// <remarks>
/// Any TXT string is a listing: with no rules, the default rule (+1, or -1 for allow lists) matches; otherwise each rule
/// whose filter matches the texts in its <see cref="RecordMatchMode"/> adds its weight once (<see cref="ReturnCodeFilter.MatchesText"/>).
/// There are no codes, so no operator error can be read from a TXT answer.
/// </remarks>
internal static class TextMatcher
{
    private static readonly CodeMatch DefaultBlockMatch = new(CodeMatchKind.Listed, [CodeMatcher.DefaultBlockRule], CodeMatcher.DefaultBlockRule.Weight);
    private static readonly CodeMatch DefaultAllowMatch = new(CodeMatchKind.Listed, [CodeMatcher.DefaultAllowRule], CodeMatcher.DefaultAllowRule.Weight);

    public static CodeMatch Match(DnsList list, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return CodeMatch.NotListed;
        }

        if (list.Rules.Count == 0)
        {
            return list.IsAllowList ? DefaultAllowMatch : DefaultBlockMatch;
        }

        var matched = new List<ReturnCodeRule>();
        var weight = 0.0;
        foreach (var rule in list.Rules)
        {
            if (RuleMatches(rule, texts))
            {
                matched.Add(rule);
                weight = Weights.Add(weight, rule.Weight);
            }
        }

        return matched.Count == 0 ? CodeMatch.NotListed : new CodeMatch(CodeMatchKind.Listed, matched, weight);
    }

    private static bool RuleMatches(ReturnCodeRule rule, IReadOnlyList<string> texts)
    {
        if (rule.Filter is not { } filter)
        {
            return true;
        }

        return rule.Mode == RecordMatchMode.AllRecords
            ? texts.All(filter.MatchesText)
            : texts.Any(filter.MatchesText);
    }
}
