using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    /// <summary>
    /// A cold lookup waiting for the resolver: the lookup's state and one cached continuation, reused from lookup to
    /// lookup. An async method here cost every cold lookup a state-machine box of ~330 B, a third of a cold check's
    /// allocation (benchmarks/README.md).
    /// </summary>
    /// <remarks>
    /// The continuation is registered without the execution context: the lookup is shared by every check that joins
    /// it, so it carries no single caller's ambient state (and its log lines and activity carry none either).
    /// </remarks>
    private sealed class PendingLookup
    {
        private static readonly ReusePool<PendingLookup> Pool = new();

        private readonly Action _resolved;
        private ConfiguredValueTaskAwaitable<DnsLookupResult>.ConfiguredValueTaskAwaiter _answer;
        private LookupState _state;

        private PendingLookup() => _resolved = OnResolved;

        /// <summary>Waits for <paramref name="answer"/>, then hands it with <paramref name="state"/> to <c>FinishLookup</c>.</summary>
        public static void Await(ConfiguredValueTaskAwaitable<DnsLookupResult>.ConfiguredValueTaskAwaiter answer, in LookupState state)
        {
            var pending = Pool.TryRent() ?? new PendingLookup();
            pending._state = state;
            pending._answer = answer;
            answer.UnsafeOnCompleted(pending._resolved);
        }

        private void OnResolved()
        {
            var answer = _answer;
            var state = _state;
            _answer = default;
            _state = default;
            Pool.Return(this);
            state.Engine.FinishLookup(state, answer);
        }
    }

    /// <summary>What a lookup carries from its start to its end.</summary>
    private readonly record struct LookupState(
        LookupEngine Engine,
        ClientSnapshot Snapshot,
        int Slot,
        string Input,
        string QueryName,
        TaskCompletionSource<ListOutcome> Begun,
        ListCircuitBreaker Breaker,
        bool IsTrial,
        long Started,
        Activity? Activity);
}
