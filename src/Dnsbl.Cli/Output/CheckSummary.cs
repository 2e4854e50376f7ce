using Dnsbl.Cli.Commands;
using Dnsbl.Client;

namespace Dnsbl.Cli.Output;

/// <summary>The closing count of a <c>check -f</c> run: inputs by verdict, and the lines that were not judged.</summary>
internal sealed class CheckSummary
{
    private readonly Dictionary<DnsblVerdict, int> _byVerdict = [];

    public int Inputs { get; private set; }

    public int InputErrors { get; private set; }

    public int Count(DnsblVerdict verdict) => _byVerdict.GetValueOrDefault(verdict);

    public void Add(CheckedInput checkedInput)
    {
        Inputs++;
        if (checkedInput.Result is { } result)
        {
            _byVerdict[result.Verdict] = Count(result.Verdict) + 1;
        }
        else
        {
            InputErrors++;
        }
    }

    public override string ToString() =>
        $"{Inputs} inputs: {Count(DnsblVerdict.Reject)} rejected, {Count(DnsblVerdict.Tag)} tagged, {Count(DnsblVerdict.Accept)} accepted, " +
        $"{Count(DnsblVerdict.AllowListed)} allow-listed, {Count(DnsblVerdict.Defer)} deferred, {InputErrors} not judged (input errors)";
}
