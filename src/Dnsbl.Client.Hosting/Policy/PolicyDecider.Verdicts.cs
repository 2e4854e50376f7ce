using System.Net;

namespace Dnsbl.Client.Policy;

internal sealed partial class PolicyDecider
{
    private PolicyDecision DecisionOf(DnsblMessageResult result, IPAddress? client, DateTimeOffset now)
    {
        var failed = !result.IsComplete || result.Lookups.Any(l => l.Kind == ListOutcomeKind.Error);
        var expires = now + (failed && _settings.TransactionCacheTime > IncompleteDecisionTime ? IncompleteDecisionTime : _settings.TransactionCacheTime);
        var hits = result.Lookups
            .Where(l => l.Kind == ListOutcomeKind.Listed && l.CountedWeight != 0)
            .GroupBy(l => l.List.Name, StringComparer.Ordinal)
            .Select(g => (List: g.Key, Weight: g.Sum(l => l.CountedWeight)))
            .ToList();
        switch (result.Verdict)
        {
            case DnsblVerdict.AllowListed:
                return new PolicyDecision(PolicyOutcome.AllowListed, _settings.AllowListedAction == PolicyAllowListedAction.Ok ? PolicyActions.Ok : PolicyActions.Dunno, expires);
            case DnsblVerdict.Reject:
                var listNames = hits.Where(h => h.Weight > 0).OrderByDescending(h => h.Weight).Select(h => h.List);
                return new PolicyDecision(PolicyOutcome.Reject, PolicyActions.Reject(PolicyConstants.RejectCode, client, listNames, result.Score), expires);
            case DnsblVerdict.Defer:
                return new PolicyDecision(PolicyOutcome.Error, PolicyActions.DeferIfPermit("DNS list lookups failed"), expires);
        }

        if (failed && _settings.ErrorAction == PolicyErrorAction.DeferIfPermit)
        {
            return new PolicyDecision(PolicyOutcome.Error, PolicyActions.DeferIfPermit("DNS list lookups failed"), expires);
        }

        return result.Verdict == DnsblVerdict.Tag
            ? new PolicyDecision(PolicyOutcome.Tag, PolicyActions.Tag(PolicyConstants.TagHeader, result.Score, hits, failed), expires)
            : new PolicyDecision(failed ? PolicyOutcome.Error : PolicyOutcome.Dunno, PolicyActions.Dunno, expires);
    }
}
