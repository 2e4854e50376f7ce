namespace Dnsbl.Client.Lookups;

/// <summary>Something that ends at a due time through the <see cref="DeadlineQueue"/>: a check's deadline or a list's own timeout.</summary>
internal abstract class DeadlineEntry
{
    /// <summary>When the entry is due, as a <see cref="TimeProvider"/> timestamp. Set before the entry is queued.</summary>
    internal long Due { get; set; }

    // Links in the deadline queue, guarded by its lock.
    internal DeadlineEntry? Previous { get; set; }

    internal DeadlineEntry? Next { get; set; }

    internal bool IsQueued { get; set; }

    /// <summary>
    /// The due time has passed. Called on the queue's timer thread inside its lock (or inline by <see cref="DeadlineQueue.Add"/>):
    /// an implementation only queues work, it never runs caller code.
    /// </summary>
    internal abstract void Expire();
}
