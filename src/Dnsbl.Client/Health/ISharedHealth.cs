using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>
/// Health shared by the clients of a fleet (implemented by the <c>Dnsbl.Client.Redis</c> package, handed in through
/// <see cref="DnsblSharing.Health"/>): one node at a time holds a lease and probes; it publishes each list's state, and
/// the others follow the published states instead of probing. The monitor drives it: it calls
/// <see cref="SyncAsync"/> every <see cref="SyncInterval"/> (and at once when <see cref="Changed"/> is raised).
/// </summary>
/// <remarks>
/// Implementations own their transport, time limit and lease: a sync that cannot reach the store answers
/// <see cref="SharedHealthRole.Alone"/> (after a grace of at most one lease period), and the monitor then probes for
/// itself. What comes back is data from outside the process: implementations validate it and drop what is not theirs.
/// </remarks>
public interface ISharedHealth
{
    /// <summary>This node's name in the fleet (never a secret: it is shown on dashboards and in logs).</summary>
    string NodeId { get; }

    /// <summary>How often the monitor syncs: the lease's renewal interval, a fraction of the lease period.</summary>
    TimeSpan SyncInterval { get; }

    /// <summary>Raised when another node published a state or an override (a hint: a lost one is caught by the next sync).</summary>
    event EventHandler? Changed;

    /// <summary>
    /// Renews or takes the lease (when <paramref name="participate"/>), checks this node in, and reads the fleet's
    /// published states and overrides of <paramref name="lists"/>. Never throws for the store's faults.
    /// </summary>
    /// <param name="lists">The lists this node monitors.</param>
    /// <param name="participate">False for a one-off observer (e.g. a CLI run): it neither contends for the lease nor checks in.</param>
    /// <param name="cancellationToken">Cancels the sync.</param>
    /// <returns>This node's role and, when the store answered, the published states and overrides aligned with <paramref name="lists"/>.</returns>
    ValueTask<SharedHealthSync> SyncAsync(IReadOnlyList<DnsList> lists, bool participate, CancellationToken cancellationToken);

    /// <summary>Publishes the leader's states (a no-op returning false when this node no longer holds the lease).</summary>
    /// <param name="states">The states to publish (zones and query names already redacted).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when written; false when not the leader or the store did not answer.</returns>
    ValueTask<bool> PublishAsync(IReadOnlyList<SharedListHealth> states, CancellationToken cancellationToken);

    /// <summary>Publishes an operator's override for the whole fleet (<see cref="ListHealthOverride.None"/> clears it).</summary>
    /// <param name="list">The list.</param>
    /// <param name="value">The override.</param>
    /// <param name="reason">Why (for a forced disable), shown in every node's report.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when written; false when the store did not answer (the monitor retries at its next sync).</returns>
    ValueTask<bool> PublishOverrideAsync(DnsList list, ListHealthOverride value, string? reason, CancellationToken cancellationToken);
}
