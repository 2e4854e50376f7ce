namespace Dnsbl.Client.Policy;

/// <summary>The policy service's defaults and protocol words, in one place.</summary>
internal static class PolicyConstants
{
    /// <summary>Where the service listens when nothing is configured: loopback only.</summary>
    public const string DefaultListen = "127.0.0.1:10045";

    /// <summary>The longest attribute line read (name, '=', value); Postfix's own attributes stay far below it.</summary>
    public const int MaxAttributeBytes = 4096;

    /// <summary>The most attributes one request may carry; Postfix 3.x sends about 30.</summary>
    public const int MaxAttributes = 100;

    /// <summary>Longer than Postfix's smtpd_policy_service_max_idle (300 s), so Postfix, not we, closes an idle connection.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(330);

    /// <summary>More connections than a Postfix instance's default process limit (100) can open, times ten.</summary>
    public const int MaxConnections = 1024;

    /// <summary>How long a (client, HELO, sender) decision is kept: one SMTP transaction, with its recipients.</summary>
    public static readonly TimeSpan TransactionCacheTime = TimeSpan.FromMinutes(5);

    /// <summary>The most decisions kept at once.</summary>
    public const int TransactionCacheSize = 10_000;

    /// <summary>How long a stop waits for requests in flight before it closes their connections.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The reply code of a rejection: permanent, "delivery not authorized" (RFC 3463 X.7.1).</summary>
    public const string RejectCode = "554 5.7.1";

    /// <summary>The header a tag prepends.</summary>
    public const string TagHeader = "X-Dnsbl-Score";

    /// <summary>The mode of a Unix socket: owner and group (e.g. postfix) may connect.</summary>
    public const string UnixSocketMode = "0660";

    /// <summary>The only request type of the protocol (SMTPD_POLICY_README).</summary>
    public const string AccessPolicyRequest = "smtpd_access_policy";
}
