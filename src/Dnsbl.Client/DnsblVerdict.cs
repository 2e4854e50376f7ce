namespace Dnsbl.Client;

/// <summary>The verdict of a check against the configured thresholds.</summary>
public enum DnsblVerdict
{
    /// <summary>Below every threshold.</summary>
    Accept,

    /// <summary>At or above the tag threshold, below the reject threshold.</summary>
    Tag,

    /// <summary>At or above the reject threshold.</summary>
    Reject,

    /// <summary>At or below the allow-list threshold (postscreen's allowlist threshold).</summary>
    AllowListed,

    /// <summary>A list failed and the error policy is <see cref="ErrorPolicy.Defer"/>: try again later (SMTP 4xx).</summary>
    Defer,
}
