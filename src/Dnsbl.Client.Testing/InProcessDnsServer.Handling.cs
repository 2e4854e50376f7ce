using System.Net;
using Dnsbl.Client.Testing.Server;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing;

public sealed partial class InProcessDnsServer
{
    /// <summary>Decides and builds the response to one packet; null bytes mean "send nothing".</summary>
    private async Task<(byte[]? Bytes, bool FromOtherSocket)> RespondAsync(byte[] packet, DnsServerTransport transport, IPEndPoint remote)
    {
        var stopping = _stopping.Token;
        if (!QueryResponder.TryReadQuery(packet, out var query, out var formatError))
        {
            return (formatError, false);
        }

        var question = query!.Questions[0];
        var name = ZoneNameRules.Normalise(question.Name);
        var number = _log.Record(name);
        var action = ChooseAction(new DnsQueryContext(name, (ushort)question.Type, query.Header.Id, transport, remote, number));
        if (action.RawResponse is { } raw)
        {
            return (raw.ToArray(), action.FromOtherSocket);
        }

        if (action.IsDropped)
        {
            return (null, false);
        }

        await Gate.PassAsync(stopping).ConfigureAwait(false);
        if (action.HoldUntil is { } hold)
        {
            await hold.WaitAsync(stopping).ConfigureAwait(false);
        }

        if (action.Delay > TimeSpan.Zero)
        {
            await Task.Delay(action.Delay, _options.TimeProvider, stopping).ConfigureAwait(false);
        }

        return (QueryResponder.BuildAnswer(query, Zones, action, transport), action.FromOtherSocket);
    }

    private ServerAction ChooseAction(DnsQueryContext context)
    {
        if (_options.OnQuery is not { } onQuery)
        {
            return ServerAction.Answer;
        }

        try
        {
            return onQuery(context) ?? ServerAction.Answer;
        }
#pragma warning disable CA1031 // A test's hook may throw anything; it is kept for the test to inspect and answered SERVFAIL.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LastHookError = exception;
            return ServerAction.ServerFailure;
        }
    }
}
