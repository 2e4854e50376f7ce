namespace Dnsbl.Client.Resilience;

/// <summary>What a list's circuit breaker makes of one finished lookup.</summary>
internal enum LookupVerdict
{
    /// <summary>The list answered (listed, not listed, or any answer the list gave on purpose).</summary>
    Answered,

    /// <summary>No usable answer: timeout, SERVFAIL, a network error, or an exception.</summary>
    Failed,

    /// <summary>Ended before it could tell (cancelled): counts neither way.</summary>
    NoVerdict,
}
