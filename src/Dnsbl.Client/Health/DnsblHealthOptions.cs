using System.ComponentModel.DataAnnotations;

namespace Dnsbl.Client.Health;

/// <summary>List health probing: intervals, hysteresis and whether unhealthy lists are disabled automatically.</summary>
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
}
