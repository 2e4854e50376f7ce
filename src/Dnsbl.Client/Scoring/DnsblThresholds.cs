using System.ComponentModel.DataAnnotations;

namespace Dnsbl.Client.Scoring;

/// <summary>Score thresholds: reject at or above <see cref="Reject"/>, tag at or above <see cref="Tag"/>, allow-list at or below <see cref="AllowList"/>.</summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a client (which takes a snapshot) and do not change it from several threads at once.</remarks>
public sealed class DnsblThresholds
{
    /// <summary>The score at or above which the verdict is <see cref="DnsblVerdict.Reject"/>.</summary>
    /// <value>The default value is 1 (postscreen's <c>postscreen_dnsbl_threshold</c>).</value>
    [Range(-1000.0, 1000.0)]
    public double Reject { get; set; } = ScoringConstants.RejectThreshold;

    /// <summary>The score at or above which the verdict is <see cref="DnsblVerdict.Tag"/>; null disables tagging.</summary>
    [Range(-1000.0, 1000.0)]
    public double? Tag { get; set; }

    /// <summary>The score at or below which the verdict is <see cref="DnsblVerdict.AllowListed"/>; null disables it.</summary>
    /// <value>The default value is -1.</value>
    [Range(-1000.0, 1000.0)]
    public double? AllowList { get; set; } = ScoringConstants.AllowListThreshold;
}
