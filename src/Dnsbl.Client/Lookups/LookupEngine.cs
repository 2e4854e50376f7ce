using Dnsbl.Client.Caching;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Telemetry;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// The lookup engine behind <see cref="DnsblClient"/>: for each check it gates, answers from the cache, starts or
/// joins the lookups the cache cannot answer, waits for them under the check's deadline, interprets the answers
/// through each list's rules and scores them. One engine per client; its snapshot is swapped whole on a reload.
/// </summary>
internal sealed partial class LookupEngine
{
    private readonly IDnsResolver _resolver;
    private readonly DnsblMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IListHealthGate _gate;
    private readonly DeadlineQueue _deadlines;

    // What lookups give the resolver to stop them at dispose. A resolver of the client's own needs none: disposing it
    // closes its sockets and ends every exchange at once, and a token that can be cancelled cost each query a
    // registration on one CancellationTokenSource shared (and contended) by every thread. A resolver the client was
    // given gets the dispose token.
    private readonly CancellationToken _lookupsEnd;

    // Cancelled when the client is disposed: a lookup that fails then is "the client was disposed", not the list's fault.
    private readonly CancellationToken _disposing;
    private ClientSnapshot _snapshot;

    public LookupEngine(ClientSnapshot snapshot, IDnsResolver resolver, IListHealthGate gate, DnsblMetrics metrics, TimeProvider time, ILogger logger, CancellationToken lookupsEnd, CancellationToken disposing, ISharedAnswerCache? shared = null, Budgets.QueryBudgets? budgets = null)
    {
        _shared = shared;
        _budgets = budgets;
        _snapshot = snapshot;
        _resolver = resolver;
        _gate = gate;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _deadlines = new DeadlineQueue(time);
        _lookupsEnd = lookupsEnd;
        _disposing = disposing;
    }

    /// <summary>The lists, settings, cache and breakers checks start with; replaced whole by <see cref="Swap"/>.</summary>
    public ClientSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Makes <paramref name="next"/> the snapshot of every check that starts from now on; running checks finish on theirs.</summary>
    public void Swap(ClientSnapshot next) => Volatile.Write(ref _snapshot, next);
}
