namespace Dnsbl.Client.Budgets;

/// <summary>What the budget says about one query about to be sent.</summary>
internal enum BudgetDecision
{
    /// <summary>Send it; it is counted.</summary>
    Allowed,

    /// <summary>Send it (the list keeps asking) although the budget is spent; it is counted.</summary>
    AllowedOverBudget,

    /// <summary>Do not send it: a limit is reached in this window.</summary>
    SkippedOverBudget,

    /// <summary>Do not send it: this client's share of the headroom is sent and not yet confirmed by the fleet's counter.</summary>
    SkippedAwaitingFleet,
}
