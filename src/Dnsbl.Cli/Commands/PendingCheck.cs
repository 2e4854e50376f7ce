using System.Runtime.CompilerServices;
using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// One input's place in <see cref="CheckRun"/>'s ordered buffer: finished at once (not judged, or answered from the cache)
/// or waiting for the client's <see cref="ValueTask{TResult}"/>. Its completion callback is made once per object and the
/// objects are reused, so a check costs no Task, async state machine or closure of its own.
/// </summary>
internal sealed class PendingCheck
{
    private readonly Action _onCompleted;
    private ConfiguredValueTaskAwaitable<DnsblCheckResult>.ConfiguredValueTaskAwaiter _awaiter;
    private CheckRunState? _run;
    private CheckInput? _input;
    private CheckedInput? _item;
    private Exception? _failure;
    private volatile bool _done;

    public PendingCheck() => _onCompleted = OnCompleted;

    public bool IsDone => _done;

    public void Finished(CheckedInput item)
    {
        _item = item;
        _done = true;
    }

    /// <summary>Waits for <paramref name="check"/>; the run is told when it ends (it has counted it as running).</summary>
    public void Waiting(CheckInput input, ValueTask<DnsblCheckResult> check, CheckRunState run)
    {
        _input = input;
        _run = run;
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
            _item = CheckedInput.NotJudged(input, $"neither an IP address nor a valid domain: {invalid.Problem}");
        }
        catch (Exception failure)
        {
            _failure = failure;
        }

        _awaiter = default;
        var run = _run!;
        _run = null;
        _done = true;
        run.CheckEnded();
    }
}
