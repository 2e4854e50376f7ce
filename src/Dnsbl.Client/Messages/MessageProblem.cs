namespace Dnsbl.Client.Messages;

/// <summary>A problem met while reading a message or its Received chain.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Detail">A short human-readable detail, e.g. the offending header (shortened).</param>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed record MessageProblem(MessageProblemKind Kind, string Detail)
{
    private const int MaxDetailLength = 200;

    /// <summary>Creates a problem whose detail is cut to a loggable length.</summary>
    internal static MessageProblem Create(MessageProblemKind kind, string detail) =>
        new(kind, detail.Length <= MaxDetailLength ? detail : string.Concat(detail.AsSpan(0, MaxDetailLength), "…"));
}
