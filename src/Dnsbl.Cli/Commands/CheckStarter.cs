using Dnsbl.Client;
using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// Starts the checks of a <see cref="CheckRun"/> in input order, from whichever thread has room for one: the run's writing
/// loop at first, then mostly the thread-pool thread on which a check just ended, which starts the next one right there
/// (its query is sent without waking another thread), as each of the library benchmark's callers does.
/// </summary>
/// <remarks>
/// Bounds: at most <see cref="CheckRun.InFlight"/> checks running, and no input started more than the ring's length
/// ahead of the first one not yet written, so finished results wait in a bounded ring. The writer is woken only by the
/// end of the check it waits for (or of any check once the run stops), not by every end.
/// </remarks>
internal sealed class CheckStarter
{
    private readonly Lock _gate = new();
    private readonly DnsblClient _client;
    private readonly IReadOnlyList<CheckInput> _inputs;
    private readonly bool _anyIpList;
    private readonly bool _anyDomainList;
    private readonly CancellationToken _cancellationToken;
    private readonly PendingCheck?[] _ring;
    private readonly Stack<PendingCheck> _spare = new();
    private readonly CheckRunState _wake = new();
    private int _next;
    private int _running;
    private int _written;
    private int _waitingFor = -1;
    private bool _stopped;

    public CheckStarter(DnsblClient client, IReadOnlyList<DnsList> lists, IReadOnlyList<CheckInput> inputs, int ringLength, CancellationToken cancellationToken)
    {
        _client = client;
        _inputs = inputs;
        _anyIpList = lists.Any(l => l.IsIpList);
        _anyDomainList = lists.Any(l => !l.IsIpList);
        _cancellationToken = cancellationToken;
        _ring = new PendingCheck?[Math.Max(1, Math.Min(ringLength, inputs.Count))];
    }

    /// <summary>Checks started and not yet ended.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Starts checks while there is room: fewer than the in-flight bound running, and the next input within the ring.</summary>
    public void StartWhileRoom()
    {
        while (true)
        {
            int index;
            PendingCheck pending;
            lock (_gate)
            {
                if (_stopped || _cancellationToken.IsCancellationRequested || _running >= CheckRun.InFlight
                    || _next >= _inputs.Count || _next - _written >= _ring.Length)
                {
                    return;
                }

                index = _next;
                _running++;
                pending = _spare.TryPop(out var reused) ? reused : new PendingCheck(this);
                _ring[index % _ring.Length] = pending;
                Volatile.Write(ref _next, index + 1); // after the slot: the writer reads them without the lock
            }

            Start(index, pending);
        }
    }

    /// <summary>The check of input <paramref name="index"/> has ended (its result is in its slot).</summary>
    public void Ended(int index)
    {
        bool stopped;
        lock (_gate)
        {
            _running--;
            stopped = _stopped;
        }

        // The lock is a full fence: the slot's result is visible before the writer's wait is read, and the writer sets
        // its wait with a fence before it looks at the slot, so one of the two always sees the other.
        if (stopped || index == Volatile.Read(ref _waitingFor))
        {
            _wake.Wake();
        }
    }

    /// <summary>The finished slot of input <paramref name="index"/>, or null once it is known not to be finished yet.</summary>
    public PendingCheck? Finished(int index)
    {
        if (index >= Volatile.Read(ref _next))
        {
            return null; // not started: nothing to wait for until it is
        }

        var pending = _ring[index % _ring.Length]!;
        if (pending.IsDone)
        {
            return pending;
        }

        Interlocked.Exchange(ref _waitingFor, index);
        return pending.IsDone ? pending : null;
    }

    /// <summary>Waits until the awaited check (or, once stopped, any check) ends; may return early.</summary>
    public ValueTask WaitAsync() => _wake.WaitAsync();

    /// <summary>
    /// Input <paramref name="index"/> is written: its slot may take the input a ring's length later, and its object
    /// the next input started (a run holds about as many as checks in flight, not one per input).
    /// </summary>
    public void Written(int index)
    {
        lock (_gate)
        {
            ref var slot = ref _ring[index % _ring.Length];
            _spare.Push(slot!);
            slot = null;
            _written = index + 1;
        }
    }

    /// <summary>Starts nothing more; every end wakes the writer from now on.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }
    }

    // Any failure here is the check's own, reported in its place: this may run on a thread-pool thread, where an
    // escaping exception would end the process.
    private void Start(int index, PendingCheck pending)
    {
        var input = _inputs[index];
        try
        {
            if ((input.Problem ?? input.UnjudgedBy(_anyIpList, _anyDomainList)) is { } problem)
            {
                pending.Finished(index, CheckedInput.NotJudged(input, problem));
                return;
            }

            var check = input.Address is { } address
                ? _client.CheckAsync(address, _cancellationToken)
                : _client.CheckDomainAsync(input.Text, _cancellationToken);
            if (check.IsCompletedSuccessfully)
            {
                pending.Finished(index, CheckedInput.Judged(input, check.Result));
                return;
            }

            pending.Waiting(index, input, check);
        }
        catch (DnsblInputException invalid)
        {
            pending.Finished(index, PendingCheck.Refused(input, invalid));
        }
        catch (Exception failure)
        {
            pending.Failed(index, failure);
        }
    }
}
