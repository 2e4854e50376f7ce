namespace Dnsbl.Client.Lists;

/// <summary>What a list's return codes mean once its rules and error codes are applied.</summary>
internal enum CodeMatchKind
{
    /// <summary>No rule matched (or no codes).</summary>
    NotListed,

    /// <summary>At least one rule matched.</summary>
    Listed,

    /// <summary>A code is one of the list's operator error/refusal codes (127.255.255.0/24 for every list).</summary>
    OperatorError,

    /// <summary>A code lies outside 127.0.0.0/8.</summary>
    OutsideLoopback,
}
