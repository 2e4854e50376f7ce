using System.Collections.Concurrent;
using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Fakes;

/// <summary>
/// The test double for <see cref="IDnsResolver"/>: answers from a script per (name, type) and records every question.
/// Unscripted names answer NXDOMAIN with a 300 s negative TTL (as an SOA minimum would give). Answers can be held
/// behind <see cref="Gate"/>, and seeded loss turns a fraction of answers into timeouts. It has no sockets.
/// </summary>
internal sealed class ScriptedResolver : IDnsResolver
{
    public static readonly TimeSpan NegativeTimeToLive = TimeSpan.FromSeconds(300);
    private const uint DefaultTtl = 60;

    private readonly ConcurrentDictionary<DnsQuestion, Func<DnsQuestion, DnsLookupResult>> _script = new();
    private readonly ConcurrentQueue<DnsQuestion> _questions = new();
    private readonly Lock _randomGate = new();
    private Random? _loss;
    private double _lossRate;
    private string? _wildcardAddress;

    /// <summary>When set, every lookup waits for this task before answering (to hold lookups or probe rounds in flight).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed each time a question arrives (replace it to wait for the next).</summary>
    public TaskCompletionSource<DnsQuestion> NextQuestion { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every question asked, in order.</summary>
    public IReadOnlyList<DnsQuestion> Questions => [.. _questions];

    public int AskedCount => _questions.Count;

    public int TimesAsked(string name, DnsRecordType type = DnsRecordType.A) => _questions.Count(q => q == new DnsQuestion(name, type));

    /// <summary>A DNSBL "listed" answer: A records with the return <paramref name="codes"/> and <paramref name="ttl"/>.</summary>
    public ScriptedResolver Listed(string name, uint ttl, params string[] codes) =>
        Use(name, DnsRecordType.A, q => Answered(q, ttl, codes));

    /// <summary>Records of <paramref name="type"/> (addresses, TXT strings or target names) with a 60 s TTL.</summary>
    public ScriptedResolver Answer(string name, DnsRecordType type, params string[] values) =>
        Use(name, type, q => Answered(q, DefaultTtl, values));

    /// <summary>A lookup that ends in <paramref name="status"/> (a failure, NoData, NameError…) without records.</summary>
    public ScriptedResolver Status(string name, DnsRecordType type, DnsLookupStatus status, int responseCode = 0) =>
        Use(name, type, q => new DnsLookupResult { Question = q, Status = status, ResponseCode = responseCode, Detail = status.ToString() });

    public ScriptedResolver Use(string name, DnsRecordType type, Func<DnsQuestion, DnsLookupResult> answer)
    {
        _script[new DnsQuestion(name, type)] = answer;
        return this;
    }

    /// <summary>Answers every unscripted A question with <paramref name="address"/>, as a wildcard zone does.</summary>
    public ScriptedResolver WildcardA(string address)
    {
        _wildcardAddress = address;
        return this;
    }

    /// <summary>Turns <paramref name="rate"/> of all answers into timeouts, drawn from a seeded generator (reproducible).</summary>
    public ScriptedResolver WithLoss(double rate, int seed)
    {
        _lossRate = rate;
        _loss = new Random(seed);
        return this;
    }

    public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _questions.Enqueue(question);
        NextQuestion.TrySetResult(question);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Resolve(question);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

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

        return _script.TryGetValue(question, out var answer) ? answer(question)
            : _wildcardAddress is not null && question.Type == DnsRecordType.A ? Answered(question, DefaultTtl, [_wildcardAddress])
            : new DnsLookupResult { Question = question, Status = DnsLookupStatus.NameError, TimeToLive = NegativeTimeToLive };
    }

    private static DnsLookupResult Answered(DnsQuestion question, uint ttl, string[] values) => new()
    {
        Question = question,
        Status = DnsLookupStatus.Answered,
        Answers = [.. values.Select(value => Record(question, ttl, value))],
        TimeToLive = TimeSpan.FromSeconds(ttl),
    };

    private static DnsRecord Record(DnsQuestion question, uint ttl, string value) => question.Type switch
    {
        DnsRecordType.A or DnsRecordType.AAAA => new DnsRecord(question.Name, question.Type, ttl) { Address = IPAddress.Parse(value) },
        DnsRecordType.TXT => new DnsRecord(question.Name, question.Type, ttl) { Text = value },
        _ => new DnsRecord(question.Name, question.Type, ttl) { Target = value },
    };
}
