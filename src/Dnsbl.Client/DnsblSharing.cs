using Dnsbl.Client.Caching;

namespace Dnsbl.Client;

/// <summary>
/// What a client shares with the other clients of a fleet (e.g. through Redis, the <c>Dnsbl.Client.Redis</c> package):
/// each part is optional, and a client without one works alone as before.
/// </summary>
public sealed class DnsblSharing
{
    /// <summary>A second answer cache behind the in-process one, shared by the fleet; none by default.</summary>
    public ISharedAnswerCache? Answers { get; init; }

    /// <summary>The fleet's query budget counter (lists' <see cref="Lists.DnsList.Budget"/> counted fleet-wide); none by default: budgets are counted in-process.</summary>
    public Budgets.ISharedBudgetCounter? Budget { get; init; }
}
