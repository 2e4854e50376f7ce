using Dnsbl.Client.Testing;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>One cell of the fault matrix: what the server does, and the outcome the client must report.</summary>
internal sealed record FaultCell(Func<DnsQueryContext, ServerAction> OnQuery, ListOutcomeKind Kind, DnsblErrorKind Error)
{
    public bool EnableTcp { get; init; } = true;

    public TimeSpan? Deadline { get; init; }

    public TimeSpan? AttemptTimeout { get; init; }
}
