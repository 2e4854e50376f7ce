using System.Runtime.CompilerServices;
using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// One input's slot in <see cref="CheckStarter"/>'s ring: finished at once (not judged, or answered from the cache) or
/// waiting for the client's <see cref="ValueTask{TResult}"/>. Its completion callback is made once per object and the
/// objects are reused, so a check costs no Task, async state machine or closure of its own. When its check ends, the
/// callback starts the next input on the same thread.
/// </summary>
internal sealed class PendingCheck
{
    private readonly CheckStarter _starter;
    private readonly Action _onCompleted;
    private ConfiguredValueTaskAwaitable<DnsblCheckResult>.ConfiguredValueTaskAwaiter _awaiter;
    private CheckInput? _input;
    private CheckedInput? _item;
    private Exception? _failure;
    private int _index;
    private volatile bool _done;

    public PendingCheck(CheckStarter starter)
    {
        _starter = starter;
        _onCompleted = OnCompleted;
    }

    public bool IsDone => _done;

    public static CheckedInput Refused(CheckInput input, DnsblInputException invalid) =>
        CheckedInput.NotJudged(input, $"neither an IP address nor a valid domain: {invalid.Problem}");

    public void Finished(int index, CheckedInput item)
    {
        _item = item;
        End(index);
    }

    public void Failed(int index, Exception failure)
    {
        _failure = failure;
        End(index);
    }

    /// <summary>Waits for <paramref name="check"/>; the starter is told when it ends (it has counted it as running).</summary>
    public void Waiting(int index, CheckInput input, ValueTask<DnsblCheckResult> check)
    {
        _index = index;
        _input = input;
        _awaiter = check.ConfigureAwait(false).GetAwaiter();
        _awaiter.UnsafeOnCompleted(_onCompleted);
    }

    /// <summary>The finished item, or the check's failure thrown in its place in input order; then ready for reuse.</summary>
    public CheckedInput Take()
    {
        var item = _item!;
        var failure = _failure;
        _item = null;
        _failure = null;
        _done = false;
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return item;
    }

    private void End(int index)
    {
        _done = true;
        _starter.Ended(index);
    }

    private void OnCompleted()
    {
        var input = _input!;
        _input = null;
        try
        {
            _item = CheckedInput.Judged(input, _awaiter.GetResult());
        }
        catch (DnsblInputException invalid)
        {
            _item = Refused(input, invalid);
        }
        catch (Exception failure)
        {
            _failure = failure;
        }

        _awaiter = default;
        End(_index);
        _starter.StartWhileRoom();
    }
}
