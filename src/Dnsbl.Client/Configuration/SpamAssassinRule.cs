using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>A SpamAssassin DNS rule as read: its name, the set (or URI zone) it tests, and its sub-test filter.</summary>
internal sealed record SpamAssassinRule(string Name, string SetKey, ReturnCodeFilter? Filter, SourceLine DefinedAt)
{
    /// <summary>Sub-rules (<c>__NAME</c>) are never scored by SpamAssassin; they only feed meta rules.</summary>
    public bool IsSubRule => Name.StartsWith("__", StringComparison.Ordinal);
}
