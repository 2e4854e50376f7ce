namespace Dnsbl.Client.Testing;

/// <summary>
/// What the server does with one query: answer from the zones (the default), or a fault. Properties combine, e.g.
/// <c>ServerAction.Answer with { Delay = TimeSpan.FromSeconds(2), WrongId = true }</c>. Order of effects: raw
/// response or drop, then hold and delay, then the answer (rcode override, truncation, duplicates, question, ID), then
/// <see cref="TransformResponse"/>, then sending (possibly from another socket).
/// </summary>
public sealed record ServerAction
{
    /// <summary>Answer normally from the zone data.</summary>
    public static ServerAction Answer { get; } = new();

    /// <summary>Never answer (the client times out).</summary>
    public static ServerAction Drop { get; } = new() { IsDropped = true };

    /// <summary>Answer SERVFAIL.</summary>
    public static ServerAction ServerFailure { get; } = Respond(2);

    /// <summary>Answer REFUSED.</summary>
    public static ServerAction Refused { get; } = Respond(5);

    /// <summary>Answer FORMERR.</summary>
    public static ServerAction FormatError { get; } = Respond(1);

    /// <summary>Answer NOTIMP.</summary>
    public static ServerAction NotImplemented { get; } = Respond(4);

    /// <summary>Over UDP, answer with TC set and no records, so the client must retry over TCP (where the full answer is served).</summary>
    public static ServerAction Truncated { get; } = new() { Truncate = true };

    /// <summary>True to send nothing.</summary>
    public bool IsDropped { get; init; }

    /// <summary>How long to wait before answering, measured by the server's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A task the answer waits for (e.g. a <see cref="TaskCompletionSource"/> the test completes).</summary>
    public Task? HoldUntil { get; init; }

    /// <summary>An RCODE (0..15) to answer with instead of the zone data; the sections are then empty.</summary>
    public int? ResponseCode { get; init; }

    /// <summary>Over UDP, set TC and leave the sections empty. Ignored over TCP.</summary>
    public bool Truncate { get; init; }

    /// <summary>Answer with an ID that differs from the query's.</summary>
    public bool WrongId { get; init; }

    /// <summary>Echo this name in the question section instead of the one asked.</summary>
    public string? QuestionName { get; init; }

    /// <summary>Repeat every answer record once more.</summary>
    public bool DuplicateAnswers { get; init; }

    /// <summary>Over UDP, send the answer from a different socket (another source port). Ignored over TCP.</summary>
    public bool FromOtherSocket { get; init; }

    /// <summary>Rewrites the finished response bytes (corrupt, cut, append); the result is sent as is.</summary>
    public Func<byte[], byte[]>? TransformResponse { get; init; }

    /// <summary>Bytes to send instead of any answer (the query's ID is not patched in).</summary>
    public ReadOnlyMemory<byte>? RawResponse { get; init; }

    /// <summary>An action answering with <paramref name="responseCode"/> and empty sections.</summary>
    /// <param name="responseCode">The RCODE, 0..15.</param>
    /// <returns>The action.</returns>
    public static ServerAction Respond(int responseCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(responseCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(responseCode, 15);
        return new ServerAction { ResponseCode = responseCode };
    }

    /// <summary>An action answering normally after <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay, measured by the server's <see cref="TimeProvider"/>.</param>
    /// <returns>The action.</returns>
    public static ServerAction Delayed(TimeSpan delay) => new() { Delay = delay };

    /// <summary>An action answering normally once <paramref name="release"/> completes.</summary>
    /// <param name="release">The task to wait for.</param>
    /// <returns>The action.</returns>
    public static ServerAction HeldUntil(Task release) => new() { HoldUntil = release };

    /// <summary>An action sending <paramref name="bytes"/> instead of an answer.</summary>
    /// <param name="bytes">The packet to send.</param>
    /// <returns>The action.</returns>
    public static ServerAction Raw(ReadOnlyMemory<byte> bytes) => new() { RawResponse = bytes };

    /// <summary>An action answering normally, then passing the bytes through <paramref name="transform"/>.</summary>
    /// <param name="transform">Rewrites the response bytes.</param>
    /// <returns>The action.</returns>
    public static ServerAction Corrupt(Func<byte[], byte[]> transform) => new() { TransformResponse = transform };
}
