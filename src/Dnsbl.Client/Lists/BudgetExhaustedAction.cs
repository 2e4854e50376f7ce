namespace Dnsbl.Client.Lists;

/// <summary>What checks do with a list once its <see cref="ListBudget"/> is spent for the current minute or day.</summary>
public enum BudgetExhaustedAction
{
    /// <summary>Skip the list (outcome <see cref="ListOutcomeKind.Skipped"/>, reason "over budget …") until the window rolls over.</summary>
    Skip,

    /// <summary>Keep asking the list; the health report, log and meter still say it is over budget.</summary>
    KeepAsking,
}
