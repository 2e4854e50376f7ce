namespace Dnsbl.Client.Health;

/// <summary>What one lookup of a list came to, as counted per minute in the list's history; errors follow, one column per <see cref="DnsblErrorKind"/>.</summary>
internal enum LookupColumn
{
    NotListed,
    Listed,
    SkippedDisabled,
    SkippedCircuitOpen,
    FromCache,
    SkippedOverBudget,

    /// <summary>The first error column: <c>ErrorBase + (int)kind - 1</c> for every kind but <see cref="DnsblErrorKind.None"/>.</summary>
    ErrorBase,
}
