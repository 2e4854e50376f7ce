using System.Net;

namespace Dnsbl.Client.Lists;

/// <summary>The result of applying a list's rules to the codes it returned.</summary>
internal sealed record CodeMatch(CodeMatchKind Kind, IReadOnlyList<ReturnCodeRule> MatchedRules, double Weight)
{
    /// <summary>The offending code for <see cref="CodeMatchKind.OperatorError"/> and <see cref="CodeMatchKind.OutsideLoopback"/>.</summary>
    public IPAddress? OffendingCode { get; init; }

    public static readonly CodeMatch NotListed = new(CodeMatchKind.NotListed, [], 0);
}
