namespace Dnsbl.Client.Health;

/// <summary>A list's health verdict, its enabled flag or its circuit changed.</summary>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed class ListStateChangedEventArgs : EventArgs
{
    internal ListStateChangedEventArgs(ListHealth previous, ListHealth current)
    {
        Previous = previous;
        Current = current;
    }

    /// <summary>The list's name.</summary>
    public string ListName => Current.Name;

    /// <summary>The health before the change.</summary>
    public ListHealth Previous { get; }

    /// <summary>The health after the change (state, enabled flag, reason and evidence).</summary>
    public ListHealth Current { get; }
}
