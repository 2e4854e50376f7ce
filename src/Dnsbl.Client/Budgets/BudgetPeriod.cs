namespace Dnsbl.Client.Budgets;

/// <summary>The window a query budget is counted in: a UTC minute or a UTC day.</summary>
public enum BudgetPeriod
{
    /// <summary>A UTC minute (window index: Unix seconds / 60).</summary>
    Minute,

    /// <summary>A UTC day (window index: Unix seconds / 86,400).</summary>
    Day,
}
