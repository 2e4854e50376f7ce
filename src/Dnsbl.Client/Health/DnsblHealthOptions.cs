using System.ComponentModel.DataAnnotations;

namespace Dnsbl.Client.Health;

/// <summary>List health probing: intervals, hysteresis and whether unhealthy lists are disabled automatically.</summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a client (which takes a snapshot) and do not change it from several threads at once.</remarks>
public sealed class DnsblHealthOptions
{
    /// <summary>Whether lists are probed and disabled automatically.</summary>
    /// <value>The default value is true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The probe interval of a healthy list.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HealthyInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The probe interval of a disabled list.</summary>
    /// <value>The default value is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DisabledInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest fraction of an interval added or removed at random so processes do not probe in step.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0.0, 0.5)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>Consecutive unreachable rounds before a list is disabled.</summary>
    /// <value>The default value is 3.</value>
    [Range(1, 100)]
    public int UnreachableThreshold { get; set; } = 3;

    /// <summary>Consecutive healthy rounds before a disabled list is enabled again.</summary>
    /// <value>The default value is 2.</value>
    [Range(1, 100)]
    public int RecoveryThreshold { get; set; } = 2;

    /// <summary>Whether the zone's NS records and their addresses are checked (RFC 6471 §3).</summary>
    /// <value>The default value is true.</value>
    public bool CheckNameservers { get; set; } = true;

    /// <summary>
    /// Whether nameservers whose addresses are all in 127.0.0.0/8 (or ::1) count as retired (RFC 6471 §3). True suits
    /// public zones; set it to false for test zones served on loopback.
    /// </summary>
    /// <value>The default value is true.</value>
    public bool LoopbackNameserversAreRetired { get; set; } = true;

    /// <summary>
    /// Whether IP lists are also probed with the IPv6 test points <c>::FFFF:7F00:2</c> and <c>::FFFF:7F00:1</c>
    /// (RFC 5782 §5). Off by default because many IP lists serve IPv4 only and would look broken; a single list can opt in
    /// through <see cref="Lists.DnsList.ProbePoints"/>.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool ProbeIpv6 { get; set; }

    /// <summary>
    /// How many times one probe question is asked before its failure (timeout, SERVFAIL, network) counts; definite
    /// answers (listed, NXDOMAIN, refusal codes) are never re-asked.
    /// </summary>
    /// <value>The default value is 2.</value>
    [Range(1, 5)]
    public int ProbeAttempts { get; set; } = 2;

    /// <summary>How many recent probe questions per list the report's latency and error rate cover.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 1000)]
    public int StatisticsWindow { get; set; } = 20;

    /// <summary>
    /// The least time between a probe and one triggered by a refusal seen in a real lookup, so a busy server that keeps
    /// seeing refusals from a list the probes find healthy does not probe it back to back.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefusalProbeSpacing { get; set; } = TimeSpan.FromSeconds(30);
}
