using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Health.Fakes;

/// <summary>
/// An in-memory fleet store with the Redis package's lease rules on a <see cref="FakeTimeProvider"/>: a free or lapsed
/// lease is taken, the holder's is extended, states are written only by the holder and stay fresh for two lease
/// periods, overrides by anyone; <see cref="Reachable"/> false makes every node's sync unanswered (alone).
/// </summary>
internal sealed class FakeFleet(FakeTimeProvider time, TimeSpan leasePeriod)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (SharedListHealth State, DateTimeOffset At)> _states = [];
    private readonly Dictionary<string, SharedListOverride> _overrides = [];
    private readonly List<Node> _nodes = [];
    private string? _holder;
    private DateTimeOffset _leaseUntil;

    public bool Reachable { get; set; } = true;

    public TimeSpan LeasePeriod => leasePeriod;

    public string? Holder
    {
        get
        {
            lock (_gate)
            {
                return _holder is not null && _leaseUntil > time.GetUtcNow() ? _holder : null;
            }
        }
    }

    public ISharedHealth Join(string nodeId)
    {
        var node = new Node(this, nodeId);
        lock (_gate)
        {
            _nodes.Add(node);
        }

        return node;
    }

    private void Announce(Node from)
    {
        Node[] others;
        lock (_gate)
        {
            others = [.. _nodes.Where(n => n != from)];
        }

        foreach (var node in others)
        {
            node.RaiseChanged();
        }
    }

    private sealed class Node(FakeFleet fleet, string id) : ISharedHealth
    {
        public event EventHandler? Changed;

        public string NodeId => id;

        public TimeSpan SyncInterval => fleet.LeasePeriod / 3;

        public void RaiseChanged() => Changed?.Invoke(this, EventArgs.Empty);

        public ValueTask<SharedHealthSync> SyncAsync(IReadOnlyList<DnsList> lists, bool participate, CancellationToken cancellationToken)
        {
            if (!fleet.Reachable)
            {
                return ValueTask.FromResult(new SharedHealthSync { Role = SharedHealthRole.Alone });
            }

            lock (fleet._gate)
            {
                var now = fleet.Now;
                if (participate && (fleet._holder is null || fleet._leaseUntil <= now || fleet._holder == id))
                {
                    (fleet._holder, fleet._leaseUntil) = (id, now + fleet.LeasePeriod);
                }

                var holder = fleet._leaseUntil > now ? fleet._holder : null;
                var role = holder is null ? SharedHealthRole.Alone : holder == id ? SharedHealthRole.Leader : SharedHealthRole.Follower;
                return ValueTask.FromResult(new SharedHealthSync
                {
                    Role = role,
                    Leader = holder,
                    Answered = true,
                    States = [.. lists.Select(l => fleet._states.TryGetValue(l.Name, out var s) ? s.State with { List = l, FreshUntil = s.At + (2 * fleet.LeasePeriod) } : null)],
                    Overrides = [.. lists.Select(l => fleet._overrides.TryGetValue(l.Name, out var o) ? o with { List = l } : null)],
                });
            }
        }

        public ValueTask<bool> PublishAsync(IReadOnlyList<SharedListHealth> states, CancellationToken cancellationToken)
        {
            lock (fleet._gate)
            {
                if (!fleet.Reachable || fleet._holder != id || fleet._leaseUntil <= fleet.Now)
                {
                    return ValueTask.FromResult(false);
                }

                foreach (var state in states)
                {
                    fleet._states[state.List.Name] = (state with { PublishedBy = id }, fleet.Now);
                }
            }

            fleet.Announce(this);
            return ValueTask.FromResult(true);
        }

        public ValueTask<bool> PublishOverrideAsync(DnsList list, ListHealthOverride value, string? reason, CancellationToken cancellationToken)
        {
            lock (fleet._gate)
            {
                if (!fleet.Reachable)
                {
                    return ValueTask.FromResult(false);
                }

                if (value == ListHealthOverride.None)
                {
                    fleet._overrides.Remove(list.Name);
                }
                else
                {
                    fleet._overrides[list.Name] = new SharedListOverride { List = list, Value = value, Reason = reason, SetBy = id, SetAt = fleet.Now };
                }
            }

            fleet.Announce(this);
            return ValueTask.FromResult(true);
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();
}
