using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Budgets;

/// <summary>A list with a budget, its zone's account, and the state last reported to health (so only a change is reported from the lookup path).</summary>
internal sealed class BudgetedList(DnsList list, ListBudget budget, BudgetAccount account)
{
    private int _reportedState = -1;

    public DnsList List { get; } = list;

    public ListBudget Budget { get; } = budget;

    public BudgetAccount Account { get; } = account;

    /// <summary>Why lookups skip the list while it is over budget; set with each reported state.</summary>
    public string SkipReason { get; set; } = "over budget";

    /// <summary>Records <paramref name="state"/> as reported; true when it differs from the previous report.</summary>
    public bool ChangeReportedState(int state) => Interlocked.Exchange(ref _reportedState, state) != state;
}
