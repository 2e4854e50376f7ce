namespace Dnsbl.Client.Redis.Health;

/// <summary>Defaults and bounds of the fleet's shared health, quoted by <see cref="DnsblRedisOptions"/> and docs/fleet.md.</summary>
internal static class HealthConstants
{
    /// <summary>How long a lease lasts without renewal; a dead leader is replaced within about 1⅓ of it.</summary>
    public static readonly TimeSpan LeasePeriod = TimeSpan.FromSeconds(15);

    /// <summary>Nodes sync (renew, check in, read) this many times per lease period.</summary>
    public const int SyncsPerLeasePeriod = 3;

    /// <summary>A published state counts as fresh for followers this many lease periods after it was written (the leader rewrites it every sync).</summary>
    public const int FreshForLeasePeriods = 2;

    /// <summary>The states hash lives this long after its last write, so a fleet restarted within it starts from the last states.</summary>
    public static readonly TimeSpan StatesTimeToLive = TimeSpan.FromHours(1);

    /// <summary>The overrides hash lives this long after the last leader renewed it (a fleet-wide override outlives restarts, not abandonment).</summary>
    public static readonly TimeSpan OverridesTimeToLive = TimeSpan.FromDays(7);

    /// <summary>A node that has not checked in for this long leaves the fleet view; the node set itself expires after it.</summary>
    public static readonly TimeSpan NodeRetention = TimeSpan.FromMinutes(10);

    /// <summary>Clocks of a fleet may disagree by this much; a value dated further ahead is foreign.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public const int MaximumValueBytes = 64 * 1024;
    public const int MaximumTextLength = 1024;
    public const int MaximumEvidence = 32;
    public const int MaximumNodeIdLength = 64;
}
