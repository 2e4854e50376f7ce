namespace Dnsbl.Client.Lists;

/// <summary>
/// How many DNS queries a list may be sent per minute and/or per UTC day (a free tier's volume limit, a DQS quota),
/// counted fleet-wide when the client shares a budget counter (e.g. through Redis), in-process otherwise. Only queries
/// actually sent count: answers from the in-process or shared cache do not. Immutable.
/// </summary>
/// <remarks>
/// Nearing a limit (<see cref="NearFraction"/> of it used) makes the list's health report <c>nearLimit</c> (the health
/// check turns Degraded) before the operator starts refusing; past it the list is <c>overBudget</c> and, with
/// <see cref="BudgetExhaustedAction.Skip"/>, skipped until the window rolls over. Lists that share a zone share its count.
/// </remarks>
public sealed record ListBudget
{
    private readonly int? _perMinute;
    private readonly int? _perDay;
    private readonly double _nearFraction = 0.8;

    /// <summary>Queries allowed per minute (UTC minute boundaries); null for no per-minute limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int? PerMinute
    {
        get => _perMinute;
        init => _perMinute = value is < 1 ? throw new ArgumentOutOfRangeException(nameof(PerMinute), value, "a limit is at least 1 query") : value;
    }

    /// <summary>Queries allowed per UTC day; null for no daily limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int? PerDay
    {
        get => _perDay;
        init => _perDay = value is < 1 ? throw new ArgumentOutOfRangeException(nameof(PerDay), value, "a limit is at least 1 query") : value;
    }

    /// <summary>What checks do once a limit is reached.</summary>
    /// <value>The default value is <see cref="BudgetExhaustedAction.Skip"/>.</value>
    public BudgetExhaustedAction WhenExhausted { get; init; }

    /// <summary>The fraction of a limit used at which the list reports <c>nearLimit</c>.</summary>
    /// <value>The default value is 0.8.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside (0, 1].</exception>
    public double NearFraction
    {
        get => _nearFraction;
        init => _nearFraction = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(NearFraction), value, "a fraction in (0, 1]");
    }

    /// <summary>Whether any limit is set (a budget without one counts nothing and never skips).</summary>
    public bool HasLimit => PerMinute is not null || PerDay is not null;
}
