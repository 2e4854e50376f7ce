using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Budgets;

/// <summary>
/// Syncing with the shared counter: at most one call in flight per client, carrying every count taken since the last;
/// a request that comes while one is in flight is served by the next call. Never on the lookup path (it yields first).
/// </summary>
internal sealed partial class QueryBudgets
{
    private readonly CancellationTokenSource _syncEnd = new();
    private volatile bool _fleet;

    // When the syncs started failing (null while they answer); only the sync loop, one call at a time, touches it.
    private DateTimeOffset? _failingSince;
    private int _syncing;
    private int _syncWanted;
    private int _refreshWanted;
    private Task _syncLoop = Task.CompletedTask;

    /// <summary>The latest background sync (for tests: await it instead of sleeping).</summary>
    internal Task WhenSynced => Volatile.Read(ref _syncLoop);

    private void RequestSync(bool refresh)
    {
        if (refresh)
        {
            Volatile.Write(ref _refreshWanted, 1);
        }

        Volatile.Write(ref _syncWanted, 1);
        if (Interlocked.CompareExchange(ref _syncing, 1, 0) == 0)
        {
            Volatile.Write(ref _syncLoop, SyncLoopAsync());
        }
    }

    private async Task SyncLoopAsync()
    {
        try
        {
            await Task.Yield(); // the lookup that asked goes on at once
            while (_disposed == 0 && Interlocked.Exchange(ref _syncWanted, 0) == 1)
            {
                await SyncOnceAsync(Interlocked.Exchange(ref _refreshWanted, 0) == 1).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || _disposed == 0)
        {
            Log.BudgetSyncFailed(_logger, exception);
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
        finally
        {
            Volatile.Write(ref _syncing, 0);
        }

        if (Volatile.Read(ref _syncWanted) == 1 && _disposed == 0)
        {
            RequestSync(refresh: false);
        }
    }

    /// <summary>One call to the shared counter for every account's unsynced counts (all windows' totals with <paramref name="refresh"/>).</summary>
    internal async Task SyncOnceAsync(bool refresh)
    {
        if (_counter is null)
        {
            return;
        }

        var now = NowSeconds();
        var counts = new List<BudgetCount>();
        var owners = new List<BudgetAccount>();
        foreach (var account in _accounts.Values)
        {
            account.TakeForSync(now, refresh, counts, owners);
        }

        if (counts.Count == 0)
        {
            return;
        }

        var totals = new long[counts.Count];
        bool answered;
        try
        {
            answered = await _counter.AddAsync(counts.ToArray(), totals, _syncEnd.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_syncEnd.IsCancellationRequested)
        {
            Log.BudgetSyncFailed(_logger, exception);
            answered = false;
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (answered)
            {
                owners[i].Confirm(counts[i], totals[i]);
            }
            else
            {
                owners[i].Unconfirm(counts[i]);
            }
        }

        // The fleet's totals may have moved a list near or over its limit: say so now, not at the next tick.
        foreach (var list in _budgeted)
        {
            ReportIfChanged(list, now);
        }

        // A failed sync alone keeps the fleet's share rule; only a counter that fails for CounterGoneAfter is taken as gone.
        _failingSince = answered ? null : _failingSince ?? _time.GetUtcNow();
        var fleet = answered || _time.GetUtcNow() - _failingSince!.Value < BudgetConstants.CounterGoneAfter;
        if (_fleet != fleet)
        {
            _fleet = fleet;
            if (fleet)
            {
                Log.BudgetCountingShared(_logger);
            }
            else
            {
                Log.BudgetCountingLocal(_logger);
            }
        }
    }
}
