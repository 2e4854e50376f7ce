using System.Collections.Concurrent;
using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Tests.Dns.Fakes;

/// <summary>An in-memory transport: a script decides each exchange's outcome; every call is recorded.</summary>
internal sealed class ScriptedDnsTransport(Func<DnsQuestion, IPEndPoint, DnsExchangeResult> script) : IDnsTransport
{
    public ConcurrentQueue<IPEndPoint> ServersAsked { get; } = new();

    public bool Disposed { get; private set; }

    public static DnsExchangeResult Respond(
        DnsQuestion question,
        DnsResponseCode code = DnsResponseCode.NoError,
        IReadOnlyList<DnsRecord>? answers = null,
        IReadOnlyList<DnsRecord>? authorities = null)
    {
        var query = new DnsMessage
        {
            Header = new DnsMessageHeader(1, DnsHeaderFlags.RecursionDesired),
            Questions = [new DnsWireQuestion(question.Name, question.Type, 1)],
        };
        return DnsExchangeResult.Answered(DnsMessage.CreateResponse(query, code, answers, authorities));
    }

    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ServersAsked.Enqueue(server);
        return ValueTask.FromResult(script(question, server));
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
