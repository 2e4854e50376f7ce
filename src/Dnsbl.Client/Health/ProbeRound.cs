namespace Dnsbl.Client.Health;

/// <summary>The classification of one probe round of one list, with its reason, evidence and samples.</summary>
internal sealed record ProbeRound(ListHealthState State, string Reason, IReadOnlyList<ProbeEvidence> Evidence)
{
    /// <summary>Latency and failure of every question asked in the round.</summary>
    public IReadOnlyList<ProbeSample> Samples { get; init; } = [];
}
