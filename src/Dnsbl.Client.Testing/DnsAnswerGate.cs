namespace Dnsbl.Client.Testing;

/// <summary>
/// Holds every answer of a server while closed, so a test can observe in-flight state and then release the answers.
/// Open by default. <see cref="WaitForHeldAsync"/> lets a test wait, without sleeping, until queries are being held.
/// </summary>
public sealed class DnsAnswerGate
{
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Waiter)> _heldWaiters = [];
    private TaskCompletionSource? _closed;
    private int _held;

    /// <summary>The number of answers held right now.</summary>
    public int HeldCount
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>Holds answers from now on, until <see cref="Open"/>.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Releases every held answer and lets later answers through.</summary>
    public void Open()
    {
        TaskCompletionSource? closed;
        lock (_lock)
        {
            closed = _closed;
            _closed = null;
        }

        closed?.TrySetResult();
    }

    /// <summary>Completes when at least <paramref name="count"/> answers are held.</summary>
    /// <param name="count">The number of held answers to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when enough answers are held.</returns>
    public Task WaitForHeldAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_held >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _heldWaiters.Add((count, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits while the gate is closed (the server calls this before each answer).</summary>
    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        Task closed;
        lock (_lock)
        {
            if (_closed is null)
            {
                return;
            }

            closed = _closed.Task;
            _held++;
            for (var i = _heldWaiters.Count - 1; i >= 0; i--)
            {
                if (_held >= _heldWaiters[i].Count)
                {
                    _heldWaiters[i].Waiter.TrySetResult();
                    _heldWaiters.RemoveAt(i);
                }
            }
        }

        try
        {
            await closed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                _held--;
            }
        }
    }
}
