namespace Dnsbl.Client.Messages;

/// <summary>A key found in a message and not asked, with the reason: a message check never drops a key silently.</summary>
/// <param name="Key">The address or name as found (not hashed).</param>
/// <param name="Source">Where in the message it came from.</param>
/// <param name="Origin">The raw link, Received header or value it was taken from.</param>
/// <param name="Reason">Why it was not asked.</param>
/// <param name="ListName">The list it was not asked of, or null when no list was asked about it.</param>
/// <remarks>Immutable, so thread-safe.</remarks>
public sealed record MessageSkippedKey(string Key, MessageKeySource Source, string Origin, MessageSkipReason Reason, string? ListName = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Key} from {Source} {MessageExplanation.Shorten(Origin)}: {Reason}{(ListName is null ? "" : $" ({ListName})")}";
}
