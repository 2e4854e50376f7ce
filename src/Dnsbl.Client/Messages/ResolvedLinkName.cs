namespace Dnsbl.Client.Messages;

/// <summary>
/// What DNS said about one name a URI list resolves links through: the NS targets of a link domain, or the IPv4
/// addresses of a host or name server. Empty <paramref name="Values"/> with no failure is NXDOMAIN or no such record.
/// </summary>
/// <param name="Values">Name-server names (lower case, no trailing dot) or IPv4 addresses in text form.</param>
/// <param name="Failure">Why the name could not be resolved (timeout, SERVFAIL, the check's deadline...), or null.</param>
internal sealed record ResolvedLinkName(IReadOnlyList<string> Values, string? Failure = null)
{
    /// <summary>No answer before the check's deadline.</summary>
    public static readonly ResolvedLinkName DeadlinePassed = new([], "no answer before the check's deadline");
}
