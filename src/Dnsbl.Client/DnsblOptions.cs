using System.ComponentModel.DataAnnotations;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client;

/// <summary>
/// Everything a <see cref="DnsblClient"/> needs: lists, nameservers, time limits, thresholds, cache and health settings.
/// Bindable from configuration; the client takes a snapshot when it is built, so later changes do not affect it.
/// </summary>
public sealed class DnsblOptions
{
    /// <summary>The lists to check, in the order results report them.</summary>
    public IList<DnsList> Lists { get; init; } = [];

    /// <summary>Nameservers as <c>host[:port]</c> (IPv6 as <c>[addr]:port</c>); empty means those of <c>/etc/resolv.conf</c>.</summary>
    public IList<string> Nameservers { get; init; } = [];

    /// <summary>How long one attempt waits for an answer before moving to the next server.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = DnsblDefaults.AttemptTimeout;

    /// <summary>How many attempts one query gets across the nameservers.</summary>
    /// <value>The default value is 2.</value>
    [Range(1, 10)]
    public int Attempts { get; set; } = DnsblDefaults.Attempts;

    /// <summary>The overall deadline of one check; lists that have not answered by then are reported missing.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan Deadline { get; set; } = DnsblDefaults.Deadline;

    /// <summary>What a failed lookup does to the verdict.</summary>
    /// <value>The default value is <see cref="ErrorPolicy.Exclude"/>.</value>
    public ErrorPolicy ErrorPolicy { get; set; } = ErrorPolicy.Exclude;

    /// <summary>The score thresholds of the verdict.</summary>
    public DnsblThresholds Thresholds { get; init; } = new();

    /// <summary>The answer cache.</summary>
    public DnsblCacheOptions Cache { get; init; } = new();

    /// <summary>List health probing and automatic disabling.</summary>
    public DnsblHealthOptions Health { get; init; } = new();

    /// <summary>Problems found while binding from configuration, each naming its key; validation reports them.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The configuration section these options were bound from (e.g. <c>Dnsbl</c>); validation names keys under it.</summary>
    internal string? ConfigurationPath { get; set; }
}
