using System.Collections.Concurrent;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Budgets;

/// <summary>
/// The query budgets of one client: decides, for each query a budgeted list is about to send, whether it may go, counts
/// it, and syncs the counts with the fleet's <see cref="ISharedBudgetCounter"/> off the lookup path (QueryBudgets.Sync.cs).
/// Accounts are kept by zone and survive reloads. State changes (within, near the limit, over budget) are reported to
/// health as they happen on the lookup path and re-read every <see cref="BudgetConstants.SyncInterval"/>, so a window
/// that rolls over brings a skipped list back.
/// </summary>
internal sealed partial class QueryBudgets : IDisposable
{
    private static readonly BudgetedList?[] NoBudgets = [];
    private readonly ConcurrentDictionary<string, BudgetAccount> _accounts = new(StringComparer.Ordinal);
    private readonly ISharedBudgetCounter? _counter;
    private readonly TimeProvider _time;
    private readonly Action<DnsList, ListBudgetStatus> _report;
    private readonly ILogger _logger;
    private readonly Lock _timerLock = new();
    private volatile BudgetedList[] _budgeted = [];
    private ITimer? _timer;
    private int _disposed;

    public QueryBudgets(ISharedBudgetCounter? counter, TimeProvider time, Action<DnsList, ListBudgetStatus> report, ILogger logger)
    {
        _counter = counter;
        _fleet = counter is not null;
        _time = time;
        _report = report;
        _logger = logger;
    }

    /// <summary>Whether the counts are the fleet's: a shared counter exists and its latest sync answered.</summary>
    public bool FleetWide => _fleet;

    /// <summary>Each slot's budget (null for a list without one); an empty array when no list has one, so lookups pay one length check.</summary>
    public BudgetedList?[] Resolve(DnsList[] lists)
    {
        if (!lists.Any(l => l.Budget is { HasLimit: true }))
        {
            _budgeted = [];
            return NoBudgets;
        }

        var slots = lists.Select(l => l.Budget is { HasLimit: true } budget
            ? new BudgetedList(l, budget, _accounts.GetOrAdd(l.Zone, static zone => new BudgetAccount(zone)))
            : null).ToArray();
        _budgeted = [.. slots.OfType<BudgetedList>()];
        StartTimer();
        Report(_budgeted, force: true);
        return slots;
    }

    /// <summary>Whether <paramref name="list"/> may send one more query now; a query allowed is counted. <paramref name="skipReason"/> says why not.</summary>
    public BudgetDecision TryTake(BudgetedList list, out string? skipReason)
    {
        var now = NowSeconds();
        var decision = list.Account.TryTake(list.Budget, now, _fleet, out var syncNow);
        if (syncNow)
        {
            RequestSync(refresh: false);
        }

        ReportIfChanged(list, now);
        skipReason = decision switch
        {
            BudgetDecision.SkippedOverBudget => list.SkipReason,
            BudgetDecision.SkippedAwaitingFleet => "over budget: this node's share of the remaining budget awaits the fleet's count",
            _ => null,
        };
        return decision;
    }

    /// <summary>Uncounts a query that was counted but not sent.</summary>
    public void Return(BudgetedList list) => list.Account.Return(NowSeconds());

    /// <summary>Counts a query sent without a decision (a listing's TXT record).</summary>
    public void Count(BudgetedList list) => list.Account.Count(NowSeconds());

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            lock (_timerLock)
            {
                _timer?.Dispose();
            }

            _syncEnd.Cancel();
            _syncEnd.Dispose();
        }
    }

    private long NowSeconds() => _time.GetUtcNow().ToUnixTimeSeconds();

    private void ReportIfChanged(BudgetedList list, long now)
    {
        var (minute, day) = list.Account.Used(now);
        var state = BudgetStatusReader.StateOf(list.Budget, minute, day);
        if (list.ChangeReportedState((int)state))
        {
            ReportStatus(list, BudgetStatusReader.StatusOf(list.Budget, minute, day, now, _fleet));
        }
    }

    /// <summary>Reports every budgeted list's status (used figures for the report; a rolled-over window's return).</summary>
    private void Report(BudgetedList[] lists, bool force)
    {
        var now = NowSeconds();
        foreach (var list in lists)
        {
            var (minute, day) = list.Account.Used(now);
            var status = BudgetStatusReader.StatusOf(list.Budget, minute, day, now, _fleet);
            if (list.ChangeReportedState((int)status.State) || force || status.State != ListBudgetState.Within || minute > 0)
            {
                ReportStatus(list, status);
            }
        }
    }

    private void ReportStatus(BudgetedList list, ListBudgetStatus status)
    {
        if (status.Skipping)
        {
            list.SkipReason = BudgetStatusReader.SkipReasonOf(status);
        }

        _report(list.List, status);
    }

    private void StartTimer()
    {
        lock (_timerLock)
        {
            if (_timer is null && _disposed == 0)
            {
                _timer = _time.CreateTimer(static state => ((QueryBudgets)state!).Tick(), this, BudgetConstants.SyncInterval, BudgetConstants.SyncInterval);
            }
        }
    }

    private void Tick()
    {
        if (_counter is not null)
        {
            RequestSync(refresh: true);
        }

        Report(_budgeted, force: false);
    }
}
