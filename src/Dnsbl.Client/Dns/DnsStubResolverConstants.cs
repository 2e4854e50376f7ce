using System.Net;

namespace Dnsbl.Client.Dns;

/// <summary>Fixed numbers and defaults of the stub resolver, each with its reason.</summary>
internal static class DnsStubResolverConstants
{
    /// <summary>The DNS port (RFC 1035 §4.2).</summary>
    public const int DefaultPort = 53;

    /// <summary>A CNAME chain inside one answer longer than this is treated as malformed (loops are caught earlier).</summary>
    public const int MaxCnameHops = 8;

    /// <summary>Where the system's resolver configuration lives on Unix.</summary>
    public const string DefaultResolvConfPath = "/etc/resolv.conf";

    /// <summary>resolv.conf(5): only the first three <c>nameserver</c> lines are used (MAXNS).</summary>
    public const int MaxResolvConfNameservers = 3;

    /// <summary>resolv.conf(5): <c>timeout:n</c> is capped at 30 seconds.</summary>
    public const int MaxResolvConfTimeoutSeconds = 30;

    /// <summary>resolv.conf(5): <c>attempts:n</c> is capped at 5.</summary>
    public const int MaxResolvConfAttempts = 5;

    /// <summary>How long one attempt waits for its answer, unless configured or set in resolv.conf.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per query (each to the next nameserver), unless configured or set in resolv.conf.</summary>
    public const int DefaultAttempts = 2;

    /// <summary>resolv.conf(5): with no usable <c>nameserver</c> line (or no file), the local machine is asked.</summary>
    public static IPEndPoint FallbackNameserver => new(IPAddress.Loopback, DefaultPort);
}
