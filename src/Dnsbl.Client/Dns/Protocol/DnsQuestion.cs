namespace Dnsbl.Client.Dns.Protocol;

/// <summary>What is asked: an absolute name without the trailing dot, lower case, and a type (class is always IN).</summary>
/// <remarks>Two questions are equal when they ask the same: <see cref="Share"/> and <see cref="Interest"/> say who asks, not what.</remarks>
internal readonly record struct DnsQuestion(string Name, DnsRecordType Type)
{
    /// <summary>
    /// Whose question it is (a list's zone), never sent: the transport lets one asker hold at most its share of a
    /// nameserver's in-flight slots, so a list whose answers are slow or rate-limited cannot take the slots of the
    /// others. Null asks from the nameserver's whole pool.
    /// </summary>
    public string? Share { get; init; }

    /// <summary>
    /// Who still waits for the answer, never sent: a query waiting for a slot whose interest is abandoned leaves the
    /// line unsent (the transport throws <see cref="OperationCanceledException"/>). Null: asked for its own sake.
    /// </summary>
    public QueryInterest? Interest { get; init; }

    /// <inheritdoc/>
    public bool Equals(DnsQuestion other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && Type == other.Type;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Type);
}
