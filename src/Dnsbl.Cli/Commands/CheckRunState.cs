using System.Threading.Tasks.Sources;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// What <see cref="CheckRun"/>'s single loop shares with the checks' completion callbacks: how many checks are running,
/// and a reusable wake-up for the loop when one ends. Many endings between two waits wake it once.
/// </summary>
internal sealed class CheckRunState : IValueTaskSource
{
    private const int Idle = 0;
    private const int Signalled = 1;
    private const int Sleeping = 2;
    private ManualResetValueTaskSourceCore<bool> _wake = new() { RunContinuationsAsynchronously = true };
    private int _running;
    private int _state;

    public int Running => Volatile.Read(ref _running);

    public void CheckStarted() => Interlocked.Increment(ref _running);

    public void CheckEnded()
    {
        Interlocked.Decrement(ref _running);
        if (Interlocked.Exchange(ref _state, Signalled) == Sleeping)
        {
            _wake.SetResult(true);
        }
    }

    /// <summary>Returns at once when a check ended since the last wait; otherwise when the next one ends.</summary>
    public ValueTask WaitForAnEndAsync()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Signalled) == Signalled)
        {
            return ValueTask.CompletedTask;
        }

        _wake.Reset();
        return Interlocked.CompareExchange(ref _state, Sleeping, Idle) == Idle
            ? new ValueTask(this, _wake.Version)
            : ResetAndReturn();
    }

    private ValueTask ResetAndReturn()
    {
        Volatile.Write(ref _state, Idle);
        return ValueTask.CompletedTask;
    }

    void IValueTaskSource.GetResult(short token)
    {
        _wake.GetResult(token);
        Volatile.Write(ref _state, Idle);
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _wake.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _wake.OnCompleted(continuation, state, token, flags);
}
