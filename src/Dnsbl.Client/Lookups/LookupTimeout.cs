namespace Dnsbl.Client.Lookups;

/// <summary>
/// A list's own timeout (<see cref="Lists.DnsList.Timeout"/>) inside one check's wait: whichever comes first, the lookup's
/// end or the list's due time, counts the lookup as done for the wait. The lookup itself runs on, so a late answer
/// still fills the cache for the next check.
/// </summary>
/// <remarks>Replaces a cancellation source, a timer task and an async method per lookup: one small object in the check's deadline queue.</remarks>
internal sealed class LookupTimeout : DeadlineEntry
{
    private readonly CheckWait _wait;
    private readonly DeadlineQueue _deadlines;
    private int _claimed;

    public LookupTimeout(CheckWait wait, DeadlineQueue deadlines, long due)
    {
        _wait = wait;
        _deadlines = deadlines;
        Due = due;
    }

    /// <summary>The lookup finished before its list's due time.</summary>
    public void OnLookupFinished()
    {
        if (TryClaim())
        {
            _deadlines.Remove(this);
            _wait.LookupDone(asynchronously: false);
        }
    }

    /// <summary>The wait is being given back: a lookup still running must no longer reach it (the wait may be reused).</summary>
    public void Detach()
    {
        if (TryClaim())
        {
            _deadlines.Remove(this);
            _wait.LookupDone(asynchronously: true);
        }
    }

    internal override void Expire()
    {
        if (TryClaim())
        {
            _wait.LookupDone(asynchronously: true);
        }
    }

    private bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
}
