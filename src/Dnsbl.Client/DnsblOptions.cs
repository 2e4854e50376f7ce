using System.ComponentModel.DataAnnotations;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Lookups;
using Dnsbl.Client.Scoring;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client;

/// <summary>
/// Everything a <see cref="DnsblClient"/> needs: lists, nameservers, time limits, thresholds, cache and health settings.
/// Bindable from configuration; the client takes a snapshot when it is built, so later changes do not affect it.
/// </summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a client (which takes a snapshot) and do not change it from several threads at once.</remarks>
public sealed class DnsblOptions
{
    /// <summary>The lists to check, in the order results report them.</summary>
    public IList<DnsList> Lists { get; init; } = [];

    /// <summary>Nameservers as <c>host[:port]</c> (IPv6 as <c>[addr]:port</c>); empty means those of <c>/etc/resolv.conf</c>.</summary>
    public IList<string> Nameservers { get; init; } = [];

    /// <summary>
    /// How long one attempt waits for an answer before moving to the next server; <see langword="null"/> means "not
    /// set". A value set here always wins. When it is not set and <see cref="Nameservers"/> is empty, the
    /// <c>options timeout:n</c> of <c>/etc/resolv.conf</c> applies (capped at 30 seconds, as the C library does); otherwise
    /// 1 second.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: resolv.conf's <c>timeout</c> with the system nameservers, else 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// How many times each nameserver is asked (at most Attempts × nameservers tries per query); <see langword="null"/>
    /// means "not set". A value set here always wins. When it is not set and <see cref="Nameservers"/> is empty, the
    /// <c>options attempts:n</c> of <c>/etc/resolv.conf</c> applies (capped at 5, as the C library does); otherwise 2.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: resolv.conf's <c>attempts</c> with the system nameservers, else 2.</value>
    [Range(1, 10)]
    public int? Attempts { get; set; }

    /// <summary>The overall deadline of one check; lists that have not answered by then are reported missing.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan Deadline { get; set; } = LookupConstants.Deadline;

    /// <summary>
    /// Whether query names are sent in random letter case ("0x20", draft-vixie-dnsext-dns0x20) and answers must echo
    /// that case exactly; adds one bit of spoofing resistance per letter of the query name. Turn it on only when every
    /// nameserver preserves the case of the question (rbldnsd and most resolvers do): an answer echoing other case is
    /// dropped like a forged one while the real answer is still awaited, so a server that lowercases questions makes every
    /// lookup end as <see cref="DnsblErrorKind.Timeout"/>.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool UseCaseRandomization { get; set; }

    /// <summary>What a failed lookup does to the verdict.</summary>
    /// <value>The default value is <see cref="ErrorPolicy.Exclude"/>.</value>
    public ErrorPolicy ErrorPolicy { get; set; } = ErrorPolicy.Exclude;

    /// <summary>The score thresholds of the verdict.</summary>
    [ValidateObjectMembers]
    public DnsblThresholds Thresholds { get; init; } = new();

    /// <summary>The answer cache.</summary>
    [ValidateObjectMembers]
    public DnsblCacheOptions Cache { get; init; } = new();

    /// <summary>List health probing and automatic disabling.</summary>
    [ValidateObjectMembers]
    public DnsblHealthOptions Health { get; init; } = new();

    /// <summary>Problems found while binding from configuration, each naming its key; validation reports them.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The configuration section these options were bound from (e.g. <c>Dnsbl</c>); validation names keys under it.</summary>
    internal string? ConfigurationPath { get; set; }
}
