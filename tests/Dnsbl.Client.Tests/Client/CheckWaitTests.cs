using Dnsbl.Client.Lookups;

namespace Dnsbl.Client.Tests.Client;

public sealed class CheckWaitTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly TimerCountingTimeProvider _time = new();
    private readonly DeadlineQueue _deadlines;

    public CheckWaitTests() => _deadlines = new DeadlineQueue(_time);

    [Fact]
    public void Start_EveryLookupAlreadyFinished_EndsAtOnceWithoutATimer()
    {
        using var wait = Start(Task.FromResult<ListOutcome>(null!), null);

        Assert.True(wait.HasEnded);
        Assert.True(wait.Ended.IsCompletedSuccessfully);
        Assert.Equal(0, _time.TimersCreated);
    }

    [Fact]
    public async Task LookupsFinish_LastOne_EndsTheWait()
    {
        var first = new TaskCompletionSource<ListOutcome>();
        var second = new TaskCompletionSource<ListOutcome>();
        using var wait = Start(first.Task, second.Task);

        await OnThreadPool(() => first.SetResult(null!));
        Assert.False(wait.HasEnded);
        await OnThreadPool(() => second.SetException(new InvalidOperationException("a failed lookup ends the wait like any other")));

        Assert.True(wait.Ended.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DeadlinePasses_EndsOnlyTheWaitsDueByThen_OnOneTimer()
    {
        var early = Start(Pending(), null);
        _time.Advance(TimeSpan.FromSeconds(1));
        var late = Start(Pending(), null);

        _time.Advance(Deadline - TimeSpan.FromSeconds(1));
        await early.Ended;
        Assert.False(late.HasEnded);
        Assert.Equal(1, _time.TimersCreated); // the late deadline re-armed the one timer

        _time.Advance(TimeSpan.FromSeconds(1));
        await late.Ended;
        early.Dispose();
        late.Dispose();
    }

    [Fact]
    public async Task Add_EarlierDeadlineThanQueued_EndsAtItsOwnDeadline()
    {
        using var later = Start(Pending(), null);
        using var sooner = CheckWait.Start([Pending()], [], _deadlines, _deadlines.DueAfter(_time.GetTimestamp(), TimeSpan.FromSeconds(1)), default);

        _time.Advance(TimeSpan.FromSeconds(1));

        await sooner.Ended;
        Assert.False(later.HasEnded);
    }

    [Fact]
    public void Start_DeadlineAlreadyPassed_EndsAtOnce()
    {
        using var wait = CheckWait.Start([Pending()], [], _deadlines, _time.GetTimestamp(), default);

        Assert.True(wait.HasEnded);
    }

    [Fact]
    public async Task CallerCancels_EndsTheWait()
    {
        using var cancel = new CancellationTokenSource();
        using var wait = CheckWait.Start([Pending()], [], _deadlines, _deadlines.DueAfter(_time.GetTimestamp(), Deadline), cancel.Token);

        await cancel.CancelAsync();

        Assert.True(wait.Ended.IsCompletedSuccessfully);
    }

    [Fact]
    public void NextWait_AfterAFinishedOne_IsNotEndedByTheOldDeadline()
    {
        var lookup = new TaskCompletionSource<ListOutcome>();
        var first = Start(lookup.Task, null);
        lookup.SetResult(null!);
        first.Dispose();

        // Waits are pooled: the next one may be the same object, and must not inherit the old deadline.
        _time.Advance(TimeSpan.FromSeconds(1));
        using var next = Start(Pending(), null);
        _time.Advance(Deadline - TimeSpan.FromSeconds(1));

        Assert.False(next.HasEnded);
    }

    [Fact]
    public async Task LateLookup_AfterTheDeadlineEndedItsWait_DoesNotEndAnotherWait()
    {
        var slow = new TaskCompletionSource<ListOutcome>();
        var expired = Start(slow.Task, null);
        _time.Advance(Deadline);
        await expired.Ended;
        expired.Dispose();

        using var next = Start(Pending(), Pending());
        await OnThreadPool(() => slow.SetResult(null!));

        Assert.False(next.HasEnded);
    }

    [Fact]
    public async Task ListTimeout_PassesBeforeTheDeadline_CountsThatLookupDone()
    {
        var slow = new TaskCompletionSource<ListOutcome>();
        var fast = new TaskCompletionSource<ListOutcome>();
        var now = _time.GetTimestamp();
        using var wait = CheckWait.Start([slow.Task, fast.Task], [_deadlines.DueAfter(now, TimeSpan.FromSeconds(1)), 0], _deadlines, _deadlines.DueAfter(now, Deadline), default);

        await OnThreadPool(() => fast.SetResult(null!));
        Assert.False(wait.HasEnded);
        _time.Advance(TimeSpan.FromSeconds(1));

        await wait.Ended;
        Assert.False(slow.Task.IsCompleted);
    }

    [Fact]
    public async Task ListTimeout_OtherLookupStillRunning_WaitsForIt()
    {
        var timed = Pending();
        var untimed = new TaskCompletionSource<ListOutcome>();
        var now = _time.GetTimestamp();
        using var wait = CheckWait.Start([timed, untimed.Task], [_deadlines.DueAfter(now, TimeSpan.FromSeconds(1)), 0], _deadlines, _deadlines.DueAfter(now, Deadline), default);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(wait.HasEnded);
        await OnThreadPool(() => untimed.SetResult(null!));

        Assert.True(wait.Ended.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ListTimeout_LookupFinishesAfterTheWaitWasGivenBack_DoesNotReachTheNextWait()
    {
        var slow = new TaskCompletionSource<ListOutcome>();
        var now = _time.GetTimestamp();
        var first = CheckWait.Start([slow.Task], [_deadlines.DueAfter(now, TimeSpan.FromSeconds(3))], _deadlines, _deadlines.DueAfter(now, TimeSpan.FromSeconds(1)), default);
        _time.Advance(TimeSpan.FromSeconds(1));
        await first.Ended;
        first.Dispose();

        using var next = Start(Pending(), Pending());
        await OnThreadPool(() => slow.SetResult(null!));
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(next.HasEnded);
    }

    // Off the test framework's synchronization context, a lookup's continuation runs inline, as in production: the
    // wait has counted the finished lookup when this returns.
    private static Task OnThreadPool(Action finish) => Task.Run(finish);

    private static Task<ListOutcome> Pending() => new TaskCompletionSource<ListOutcome>().Task;

    private CheckWait Start(Task<ListOutcome>? first, Task<ListOutcome>? second) =>
        CheckWait.Start([first, second], [], _deadlines, _deadlines.DueAfter(_time.GetTimestamp(), Deadline), default);
}
