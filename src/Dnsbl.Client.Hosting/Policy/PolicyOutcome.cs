namespace Dnsbl.Client.Policy;

/// <summary>What a request was answered with, as counted in metrics and the status report.</summary>
internal enum PolicyOutcome
{
    /// <summary><c>DUNNO</c>: below every threshold.</summary>
    Dunno,

    /// <summary><c>554 5.7.1 …</c>: at or above the reject threshold.</summary>
    Reject,

    /// <summary><c>PREPEND X-Dnsbl-Score: …</c>: at or above the tag threshold.</summary>
    Tag,

    /// <summary>Allow-listed: <c>DUNNO</c> or <c>OK</c>.</summary>
    AllowListed,

    /// <summary>Could not judge (lookup error, deadline, the client's error policy said defer): the error action.</summary>
    Error,

    /// <summary>The request was not a valid access policy request: the error action.</summary>
    BadRequest,
}
