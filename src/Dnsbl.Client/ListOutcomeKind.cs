namespace Dnsbl.Client;

/// <summary>What one list said about one input.</summary>
public enum ListOutcomeKind
{
    /// <summary>The list does not list the input (NXDOMAIN or NODATA, or no rule matched).</summary>
    NotListed,

    /// <summary>The list lists the input and at least one rule matched.</summary>
    Listed,

    /// <summary>The lookup failed; see <see cref="ListOutcome.Error"/>. Never a listing.</summary>
    Error,

    /// <summary>The list was not asked; see <see cref="ListOutcome.SkipReason"/>.</summary>
    Skipped,
}
