using Dnsbl.Client.Dns.Protocol;
using System.Collections.Concurrent;
using System.Net;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Tests.Health.Fakes;

/// <summary>
/// A resolver that answers from a script per (name, type) and records every question. Unscripted names answer NXDOMAIN.
/// Optional seeded loss turns a fraction of answers into timeouts. It has no sockets: it can only be asked questions.
/// </summary>
internal sealed class ScriptedDnsResolver : IDnsResolver
{
    private readonly ConcurrentDictionary<DnsQuestion, Func<DnsQuestion, DnsLookupResult>> _script = new();
    private readonly ConcurrentQueue<DnsQuestion> _asked = new();
    private readonly Lock _randomGate = new();
    private Random? _loss;
    private double _lossRate;
    private string? _wildcardAddress;

    public IReadOnlyList<DnsQuestion> Asked => [.. _asked];

    public int AskedCount => _asked.Count;

    public ScriptedDnsResolver Answer(string name, DnsRecordType type, params string[] values)
    {
        _script[new DnsQuestion(name, type)] = q => Answered(q, values);
        return this;
    }

    public ScriptedDnsResolver Status(string name, DnsRecordType type, DnsLookupStatus status, int responseCode = 0)
    {
        _script[new DnsQuestion(name, type)] = q => new DnsLookupResult { Question = q, Status = status, ResponseCode = responseCode };
        return this;
    }

    public ScriptedDnsResolver Use(string name, DnsRecordType type, Func<DnsQuestion, DnsLookupResult> answer)
    {
        _script[new DnsQuestion(name, type)] = answer;
        return this;
    }

    /// <summary>Answers every unscripted A question with <paramref name="address"/>, as a wildcard zone does.</summary>
    public ScriptedDnsResolver WildcardA(string address)
    {
        _wildcardAddress = address;
        return this;
    }

    /// <summary>Turns <paramref name="rate"/> of all answers into timeouts, drawn from a seeded generator (reproducible).</summary>
    public ScriptedDnsResolver WithLoss(double rate, int seed)
    {
        _lossRate = rate;
        _loss = new Random(seed);
        return this;
    }

    /// <summary>When set, every answer waits for this task first (to hold a probe round in flight).</summary>
    public Task? HoldAnswersUntil { get; set; }

    public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _asked.Enqueue(question);
        if (HoldAnswersUntil is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        return Resolve(question);
    }

    private DnsLookupResult Resolve(DnsQuestion question)
    {
        if (_loss is not null)
        {
            lock (_randomGate)
            {
                if (_loss.NextDouble() < _lossRate)
                {
                    return new DnsLookupResult { Question = question, Status = DnsLookupStatus.Timeout, Detail = "simulated loss" };
                }
            }
        }

        var result = _script.TryGetValue(question, out var answer) ? answer(question)
            : _wildcardAddress is not null && question.Type == DnsRecordType.A ? Answered(question, _wildcardAddress)
            : new DnsLookupResult { Question = question, Status = DnsLookupStatus.NameError };
        return result;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static DnsLookupResult Answered(DnsQuestion question, params string[] values) => new()
    {
        Question = question,
        Status = DnsLookupStatus.Answered,
        Answers = [.. values.Select(v => Record(question, v))],
        TimeToLive = TimeSpan.FromMinutes(1),
    };

    private static DnsRecord Record(DnsQuestion question, string value) => question.Type switch
    {
        DnsRecordType.A or DnsRecordType.AAAA => new DnsRecord(question.Name, question.Type, 60) { Address = IPAddress.Parse(value) },
        DnsRecordType.TXT => new DnsRecord(question.Name, question.Type, 60) { Text = value },
        _ => new DnsRecord(question.Name, question.Type, 60) { Target = value },
    };
}
