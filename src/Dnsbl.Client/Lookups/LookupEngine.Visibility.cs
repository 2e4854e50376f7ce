using Dnsbl.Client.Health;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// Fail-open made visible: every skipped, cached and answered lookup is counted in its list's per-minute history and
/// the meter, and a circuit that opens or closes is reported to health (report, <c>IHealthCheck</c>, log) and the meter.
/// </summary>
internal sealed partial class LookupEngine
{
    private void CountSkippedAsDisabled(ClientSnapshot snapshot, int slot, long now)
    {
        _metrics.Skipped(snapshot.Lists[slot].Name, "disabled");
        _gate.CountLookup(snapshot.Gates, slot, LookupColumn.SkippedDisabled, now);
    }

    private void CountSkippedByCircuit(ClientSnapshot snapshot, int slot, long now)
    {
        _metrics.Skipped(snapshot.Lists[slot].Name, "circuitOpen");
        _gate.CountLookup(snapshot.Gates, slot, LookupColumn.SkippedCircuitOpen, now);
    }

    /// <summary>Counts a lookup DNS answered (listed, not listed or an error) in the list's history.</summary>
    private void CountAnswered(ClientSnapshot snapshot, int slot, ListOutcome outcome)
    {
        var column = outcome.Kind switch
        {
            ListOutcomeKind.Listed => LookupColumn.Listed,
            ListOutcomeKind.NotListed => LookupColumn.NotListed,
            _ => LookupMinuteCounters.ErrorColumn(outcome.Error == DnsblErrorKind.None ? DnsblErrorKind.NetworkError : outcome.Error),
        };
        _gate.CountLookup(snapshot.Gates, slot, column, _time.GetTimestamp());
    }

    /// <summary>Counts a finished lookup for the list's breaker and reports a circuit that opened or closed.</summary>
    private void CountForBreaker(in LookupState state, LookupVerdict verdict, long finished)
    {
        var transition = state.Breaker.Record(verdict, finished, state.IsTrial);
        if (transition != CircuitTransition.None)
        {
            var list = state.Snapshot.Lists[state.Slot];
            var open = transition == CircuitTransition.Opened;
            _metrics.CircuitChanged(list.Name, open);
            _gate.ReportCircuit(list, open, state.Breaker.BreakDuration);
        }
    }

    /// <summary>Counts each lookup of a check that had not answered in time (its list's timeout or the check's deadline, as <see cref="TakeAnswers"/> made it) in its list's history.</summary>
    private void CountUnanswered(ClientSnapshot snapshot, int[] slots, Task<ListOutcome>?[] pending, ListOutcome[] outcomes)
    {
        var now = _time.GetTimestamp();
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i] is { IsCompletedSuccessfully: false })
            {
                _gate.CountLookup(snapshot.Gates, slots[i], LookupMinuteCounters.ErrorColumn(outcomes[i].Error), now);
            }
        }
    }

    /// <summary>Counts a check that ran without some of its lists (skipped, or not answered by the deadline): it may accept what they would have caught.</summary>
    private void CountIfDegraded(ListOutcome[] outcomes, IReadOnlyList<string> missing)
    {
        if (missing.Count > 0)
        {
            _metrics.DegradedCheck("deadline");
            return;
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.Kind == ListOutcomeKind.Skipped)
            {
                _metrics.DegradedCheck("skipped");
                return;
            }
        }
    }
}
