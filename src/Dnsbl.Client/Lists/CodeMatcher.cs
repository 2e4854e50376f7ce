using System.Buffers;
using System.Net;

namespace Dnsbl.Client.Lists;

/// <summary>Applies a list's error codes and rules to returned A records.</summary>
/// <remarks>
/// Order: an operator error code (127.255.255.0/24 for every list, plus <see cref="DnsList.ErrorCodes"/>) anywhere in
/// the answer makes the whole answer an <see cref="CodeMatchKind.OperatorError"/>; otherwise any code outside
/// 127.0.0.0/8 (or not IPv4) makes it <see cref="CodeMatchKind.OutsideLoopback"/>; otherwise every rule is tried
/// (when <see cref="DnsList.Rules"/> is empty, one rule matching any code weighing +1, or -1 for allow lists) in its
/// <see cref="RecordMatchMode"/>, and each matching rule adds its weight once. Nothing is allocated unless a rule matches.
/// </remarks>
internal static class CodeMatcher
{
    /// <summary>127.255.255.0/24: the operator error and refusal codes (Spamhaus 127.255.255.252..255 and kin).</summary>
    private const uint OperatorErrorNetwork = 0x7FFFFF00;
    private const uint OperatorErrorMask = 0xFFFFFF00;
    private const int StackCodes = 32;

    internal static readonly ReturnCodeRule DefaultBlockRule = new(null, 1);
    internal static readonly ReturnCodeRule DefaultAllowRule = new(null, -1);

    private static readonly CodeMatch DefaultBlockMatch = new(CodeMatchKind.Listed, [DefaultBlockRule], DefaultBlockRule.Weight);
    private static readonly CodeMatch DefaultAllowMatch = new(CodeMatchKind.Listed, [DefaultAllowRule], DefaultAllowRule.Weight);

    public static CodeMatch Match(DnsList list, IReadOnlyList<IPAddress> codes)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return CodeMatch.NotListed;
        }

        uint[]? rented = null;
        var values = codes.Count <= StackCodes ? stackalloc uint[StackCodes] : (rented = ArrayPool<uint>.Shared.Rent(codes.Count));
        values = values[..codes.Count];
        try
        {
            return MatchValues(list, codes, values);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<uint>.Shared.Return(rented);
            }
        }
    }

    private static CodeMatch MatchValues(DnsList list, IReadOnlyList<IPAddress> codes, Span<uint> values)
    {
        var outsideLoopback = -1;
        for (var index = 0; index < codes.Count; index++)
        {
            if (!IPv4Value.TryGet(codes[index], out values[index]))
            {
                outsideLoopback = outsideLoopback < 0 ? index : outsideLoopback;
                values[index] = 0;
                continue;
            }

            if (IsOperatorError(list, values[index]))
            {
                return new CodeMatch(CodeMatchKind.OperatorError, [], 0) { OffendingCode = codes[index] };
            }

            if (outsideLoopback < 0 && !IPv4Value.IsLoopback(values[index]))
            {
                outsideLoopback = index;
            }
        }

        if (outsideLoopback >= 0)
        {
            return new CodeMatch(CodeMatchKind.OutsideLoopback, [], 0) { OffendingCode = codes[outsideLoopback] };
        }

        return list.Rules.Count == 0
            ? MatchDefault(list)
            : MatchRules(list.Rules, values);
    }

    // Immutable, so one per kind serves every answer of a list without rules.
    private static CodeMatch MatchDefault(DnsList list) => list.IsAllowList ? DefaultAllowMatch : DefaultBlockMatch;

    private static CodeMatch MatchRules(IReadOnlyList<ReturnCodeRule> rules, ReadOnlySpan<uint> values)
    {
        List<ReturnCodeRule>? matched = null;
        ReturnCodeRule? first = null;
        var weight = 0.0;
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            if (!RuleMatches(rule, values))
            {
                continue;
            }

            weight = Weights.Add(weight, rule.Weight);
            if (first is null)
            {
                first = rule;
            }
            else
            {
                (matched ??= [first]).Add(rule);
            }
        }

        if (first is null)
        {
            return CodeMatch.NotListed;
        }

        return new CodeMatch(CodeMatchKind.Listed, matched is null ? [first] : matched.ToArray(), weight);
    }

    private static bool RuleMatches(ReturnCodeRule rule, ReadOnlySpan<uint> values)
    {
        if (rule.Filter is not { } filter)
        {
            return true;
        }

        var requireAll = rule.Mode == RecordMatchMode.AllRecords;
        foreach (var value in values)
        {
            if (filter.Matches(value) != requireAll)
            {
                // AnyRecord: one match decides; AllRecords: one miss decides.
                return !requireAll;
            }
        }

        return requireAll;
    }

    private static bool IsOperatorError(DnsList list, uint value)
    {
        if ((value & OperatorErrorMask) == OperatorErrorNetwork)
        {
            return true;
        }

        var errorCodes = list.ErrorCodes;
        for (var index = 0; index < errorCodes.Count; index++)
        {
            if (errorCodes[index].Matches(value))
            {
                return true;
            }
        }

        return false;
    }
}
