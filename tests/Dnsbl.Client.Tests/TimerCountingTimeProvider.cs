using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also counts the timers created through it, for the tests whose behaviour
/// is "no timer at all", "one timer for many deadlines" or "advance once the code under test has armed its timer".
/// </summary>
internal sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private readonly TaskCompletionSource _firstTimer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _created;

    public int TimersCreated => Volatile.Read(ref _created);

    /// <summary>Completes once the first timer is registered with the clock (so an <see cref="FakeTimeProvider.Advance"/> fires it).</summary>
    public Task FirstTimerCreated => _firstTimer.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _created);
        _firstTimer.TrySetResult();
        return timer;
    }
}
