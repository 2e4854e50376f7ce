using Dnsbl.Client.Dns.Protocol;
using System.Net;
using System.Threading.Tasks.Sources;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>
/// A resolver whose answers wait until <see cref="ReleaseAll"/>, like answers arriving from the network after the
/// check has started. Answers are built once and the pending lookups are pooled: it allocates nothing per question.
/// </summary>
internal sealed class HeldResolver : IDnsResolver
{
    private readonly Dictionary<string, DnsLookupResult> _answers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Stack<HeldAnswer> _free = new();
    private List<HeldAnswer> _held = [];
    private List<HeldAnswer> _releasing = [];

    public HeldResolver(IEnumerable<(string Zone, bool Listed)> zones)
    {
        foreach (var (zone, listed) in zones)
        {
            var name = "2.0.0.127." + zone;
            var question = new DnsQuestion(name, DnsRecordType.A);
            _answers[name] = listed
                ? new DnsLookupResult
                {
                    Question = question,
                    Status = DnsLookupStatus.Answered,
                    Answers = [new DnsRecord(name, DnsRecordType.A, 60) { Address = IPAddress.Parse("127.0.0.2") }],
                    TimeToLive = TimeSpan.FromSeconds(60),
                }
                : new DnsLookupResult { Question = question, Status = DnsLookupStatus.NameError, TimeToLive = TimeSpan.FromSeconds(60) };
        }
    }

    public ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var held = _free.Count > 0 ? _free.Pop() : new HeldAnswer(this);
            held.Answer = _answers[question.Name];
            _held.Add(held);
            return new ValueTask<DnsLookupResult>(held, held.Version);
        }
    }

    /// <summary>Answers every held question, on this thread.</summary>
    public void ReleaseAll()
    {
        List<HeldAnswer> released;
        lock (_lock)
        {
            released = _held;
            _held = _releasing;
            _releasing = released;
        }

        // Single caller at a time (the benchmark), so the swapped-out list is ours until the next release.
        foreach (var held in released)
        {
            held.Release();
        }

        released.Clear();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Return(HeldAnswer held)
    {
        lock (_lock)
        {
            _free.Push(held);
        }
    }

    private sealed class HeldAnswer(HeldResolver owner) : IValueTaskSource<DnsLookupResult>
    {
        private ManualResetValueTaskSourceCore<DnsLookupResult> _core;

        public DnsLookupResult? Answer { get; set; }

        public short Version => _core.Version;

        public void Release() => _core.SetResult(Answer!);

        public DnsLookupResult GetResult(short token)
        {
            var result = _core.GetResult(token);
            _core.Reset();
            owner.Return(this);
            return result;
        }

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}
