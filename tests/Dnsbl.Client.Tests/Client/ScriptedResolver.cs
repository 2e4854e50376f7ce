using Dnsbl.Client.Dns.Protocol;
using System.Collections.Concurrent;
using System.Net;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Tests.Client;

/// <summary>An IDnsResolver answering from a script; answers can be held behind a gate the test opens.</summary>
internal sealed class ScriptedResolver : IDnsResolver
{
    private readonly ConcurrentDictionary<(string, DnsRecordType), Func<DnsQuestion, DnsLookupResult>> _answers = new();
    private readonly ConcurrentDictionary<string, int> _asked = new();

    /// <summary>When set, every lookup waits for this task before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed each time a question arrives (replace it to wait for the next).</summary>
    public TaskCompletionSource<DnsQuestion> NextQuestion { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int TotalAsked => _asked.Values.Sum();

    public int Asked(string name, DnsRecordType type = DnsRecordType.A) => _asked.GetValueOrDefault($"{name}/{type}");

    public ScriptedResolver Listed(string name, uint ttl, params string[] codes)
    {
        _answers[(name, DnsRecordType.A)] = q => new DnsLookupResult
        {
            Question = q,
            Status = DnsLookupStatus.Answered,
            Answers = [.. codes.Select(c => new DnsRecord(name, DnsRecordType.A, ttl) { Address = IPAddress.Parse(c) })],
            TimeToLive = TimeSpan.FromSeconds(ttl),
        };
        return this;
    }

    public ScriptedResolver Text(string name, string text)
    {
        _answers[(name, DnsRecordType.TXT)] = q => new DnsLookupResult
        {
            Question = q,
            Status = DnsLookupStatus.Answered,
            Answers = [new DnsRecord(name, DnsRecordType.TXT, 60) { Text = text }],
            TimeToLive = TimeSpan.FromSeconds(60),
        };
        return this;
    }

    public ScriptedResolver Failing(string name, DnsLookupStatus status)
    {
        _answers[(name, DnsRecordType.A)] = q => new DnsLookupResult { Question = q, Status = status, Detail = status.ToString() };
        return this;
    }

    public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        _asked.AddOrUpdate($"{question.Name}/{question.Type}", 1, (_, n) => n + 1);
        NextQuestion.TrySetResult(question);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return _answers.TryGetValue((question.Name, question.Type), out var answer)
            ? answer(question)
            : new DnsLookupResult { Question = question, Status = DnsLookupStatus.NameError, TimeToLive = TimeSpan.FromSeconds(300) };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
