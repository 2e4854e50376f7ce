using Dnsbl.Client.Caching;
using Dnsbl.Client.Health;

namespace Dnsbl.Client;

/// <summary>
/// What a client shares with the other clients of a fleet (e.g. through Redis, the <c>Dnsbl.Client.Redis</c> package):
/// each part is optional, and a client without one works alone as before.
/// </summary>
public sealed class DnsblSharing
{
    /// <summary>A second answer cache behind the in-process one, shared by the fleet; none by default.</summary>
    public ISharedAnswerCache? Answers { get; init; }

    /// <summary>List health shared by the fleet: one node probes and publishes, the others follow; none by default.</summary>
    public ISharedHealth? Health { get; init; }

    /// <summary>The fleet's query budget counter (lists' <see cref="Lists.DnsList.Budget"/> counted fleet-wide); none by default: budgets are counted in-process.</summary>
    public Budgets.ISharedBudgetCounter? Budget { get; init; }
}
