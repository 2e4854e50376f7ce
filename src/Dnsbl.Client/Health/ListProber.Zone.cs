using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

internal sealed partial class ListProber
{
    internal const string RetiredNameserversReason = "nameservers moved to documentation addresses (RFC 6471)";

    /// <summary>
    /// RFC 6471 §3: a retired list's zone vanishes (NXDOMAIN) or its NS records point at addresses nobody serves.
    /// A zone without NS records at its apex (test zones served by rbldnsd often have none) is not judged.
    /// </summary>
    private async Task<ZoneCheck> CheckZoneAsync(DnsList list, RoundRecorder recorder, CancellationToken cancellationToken)
    {
        var result = await AskAsync(new DnsQuestion(list.Zone, DnsRecordType.NS), recorder, cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case DnsLookupStatus.NameError:
                return new ZoneCheck(ListHealthState.Dead, $"zone no longer exists: {list.Zone} answers NXDOMAIN", Failed: false);
            case DnsLookupStatus.Refused:
                // rbldnsd and some operators refuse NS queries at the apex while serving the list itself: only a refusal
                // of the probe points (judged by the classifier) says the list refuses us.
                return ZoneCheck.Inconclusive;
            case DnsLookupStatus.Answered when options.CheckNameservers:
                var nameservers = result.Answers.Select(r => r.Target).OfType<string>().Select(DomainName.NormalizeZone).Distinct().ToList();
                return nameservers.Count == 0
                    ? ZoneCheck.Fine
                    : await CheckNameserversAsync(nameservers, recorder, cancellationToken).ConfigureAwait(false);
            default:
                return RoundRecorder.IsFailure(result.Status) ? ZoneCheck.Inconclusive : ZoneCheck.Fine;
        }
    }

    private async Task<ZoneCheck> CheckNameserversAsync(List<string> nameservers, RoundRecorder recorder, CancellationToken cancellationToken)
    {
        var verdicts = await Task.WhenAll(nameservers.Select(ns => ClassifyNameserverAsync(ns, recorder, cancellationToken))).ConfigureAwait(false);
        if (verdicts.Any(v => v.Retired != true))
        {
            // One nameserver that may still serve (or could not be judged) keeps the zone alive.
            return verdicts.Any(v => v.Retired is null) ? ZoneCheck.Inconclusive : ZoneCheck.Fine;
        }

        var details = string.Join("; ", verdicts.Select(v => $"{v.Name}: {v.Summary}"));
        return new ZoneCheck(ListHealthState.Dead, $"{RetiredNameserversReason}: {details}", Failed: false);
    }

    /// <summary>Retired: every address is a documentation/unspecified (or loopback) address, or it has none. Null: not known.</summary>
    private async Task<(string Name, bool? Retired, string Summary)> ClassifyNameserverAsync(
        string nameserver, RoundRecorder recorder, CancellationToken cancellationToken)
    {
        var lookups = await Task.WhenAll(
            AskAsync(new DnsQuestion(nameserver, DnsRecordType.A), recorder, cancellationToken),
            AskAsync(new DnsQuestion(nameserver, DnsRecordType.AAAA), recorder, cancellationToken)).ConfigureAwait(false);
        var addresses = lookups.SelectMany(r => r.Status == DnsLookupStatus.Answered ? r.Addresses : []).ToList();
        if (addresses.Count > 0)
        {
            var retired = addresses.TrueForAll(a => RetiredAddressRanges.IsRetired(a, options.LoopbackNameserversAreRetired));
            return (nameserver, retired, string.Join(", ", addresses.Select(a => a.ToString())));
        }

        return lookups.Any(r => RoundRecorder.IsFailure(r.Status))
            ? (nameserver, null, "address lookup failed")
            : (nameserver, true, "no address");
    }
}
