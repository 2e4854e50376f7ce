using System.Net;

namespace Dnsbl.Client.Lists;

/// <summary>Applies a list's error codes and rules to returned A records.</summary>
internal static class CodeMatcher
{
    // CONTRACT (Lists owner implements fully): operator error codes first (127.255.255.0/24 + list.ErrorCodes) → OperatorError;
    // any code outside 127/8 → OutsideLoopback; else each rule (default rule when list.Rules is empty: any code, +1 / -1 for
    // allow lists) matched in its RecordMatchMode, each matching rule adding its weight once. Must not allocate for NotListed.
    public static CodeMatch Match(DnsList list, IReadOnlyList<IPAddress> codes)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return CodeMatch.NotListed;
        }

        var rule = new ReturnCodeRule(null, list.IsAllowList ? -1 : 1);
        return new CodeMatch(CodeMatchKind.Listed, [rule], rule.Weight);
    }
}
