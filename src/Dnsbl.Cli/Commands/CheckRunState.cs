using System.Threading.Tasks.Sources;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// The reusable wake-up of <see cref="CheckRun"/>'s writing loop, set by <see cref="CheckStarter"/> when the check the
/// loop waits for ends. Many wake-ups between two waits wake it once.
/// </summary>
internal sealed class CheckRunState : IValueTaskSource
{
    private const int Idle = 0;
    private const int Signalled = 1;
    private const int Sleeping = 2;
    private ManualResetValueTaskSourceCore<bool> _wake = new() { RunContinuationsAsynchronously = true };
    private int _state;

    public void Wake()
    {
        if (Interlocked.Exchange(ref _state, Signalled) == Sleeping)
        {
            _wake.SetResult(true);
        }
    }

    /// <summary>Returns at once when woken since the last wait; otherwise at the next wake-up.</summary>
    public ValueTask WaitAsync()
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
