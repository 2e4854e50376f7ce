using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Dnsbl.Client.Policy;

/// <summary>
/// The policy service's counters: kept as numbers for the status report and published on the "Dnsbl.Client.Hosting"
/// meter (instruments <c>dnsbl.policy.*</c>, durations in seconds). Thread-safe.
/// </summary>
internal sealed class PolicyMetrics : IDisposable
{
    public const string MeterName = "Dnsbl.Client.Hosting";
    private const string OutcomeTag = "dnsbl.policy.outcome";

    private readonly long[] _answered = new long[Enum.GetValues<PolicyOutcome>().Length];
    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _refused;
    private long _connectionsTotal;
    private long _connectionsRefused;
    private long _transactionCacheHits;
    private long _checkFailures;
    private int _active;

    public PolicyMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("dnsbl.policy.requests", "{request}", "Policy requests answered, by outcome.");
        _duration = _meter.CreateHistogram<double>("dnsbl.policy.request.duration", "s", "Time from a request's empty line to its answer.");
        _connections = _meter.CreateUpDownCounter<long>("dnsbl.policy.connections", "{connection}", "Policy connections open.");
        _refused = _meter.CreateCounter<long>("dnsbl.policy.connections.refused", "{connection}", "Policy connections closed at once because the connection limit was reached.");
    }

    public int ActiveConnections => Volatile.Read(ref _active);

    public long Answered(PolicyOutcome outcome) => Interlocked.Read(ref _answered[(int)outcome]);

    public long TransactionCacheHits => Interlocked.Read(ref _transactionCacheHits);

    /// <summary>Counts an opening connection; false (and nothing counted) when <paramref name="max"/> are open already.</summary>
    public bool TryOpenConnection(int max)
    {
        if (Interlocked.Increment(ref _active) > max)
        {
            Interlocked.Decrement(ref _active);
            Interlocked.Increment(ref _connectionsRefused);
            _refused.Add(1);
            return false;
        }

        Interlocked.Increment(ref _connectionsTotal);
        _connections.Add(1);
        return true;
    }

    public void CloseConnection()
    {
        Interlocked.Decrement(ref _active);
        _connections.Add(-1);
    }

    public void RequestAnswered(PolicyOutcome outcome, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _answered[(int)outcome]);
        if (_requests.Enabled)
        {
            _requests.Add(1, new KeyValuePair<string, object?>(OutcomeTag, Name(outcome)));
        }

        if (_duration.Enabled)
        {
            _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, Name(outcome)));
        }
    }

    public void TransactionCacheHit() => Interlocked.Increment(ref _transactionCacheHits);

    public void CheckFailed() => Interlocked.Increment(ref _checkFailures);

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("connections");
        writer.WriteNumber("active", ActiveConnections);
        writer.WriteNumber("total", Interlocked.Read(ref _connectionsTotal));
        writer.WriteNumber("refused", Interlocked.Read(ref _connectionsRefused));
        writer.WriteEndObject();
        writer.WriteStartObject("requests");
        foreach (var outcome in Enum.GetValues<PolicyOutcome>())
        {
            writer.WriteNumber(Name(outcome), Answered(outcome));
        }

        writer.WriteNumber("transactionCacheHits", TransactionCacheHits);
        writer.WriteNumber("checkFailures", Interlocked.Read(ref _checkFailures));
        writer.WriteEndObject();
    }

    public void Dispose() => _meter.Dispose();

    private static string Name(PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Dunno => "dunno",
        PolicyOutcome.Reject => "reject",
        PolicyOutcome.Tag => "tag",
        PolicyOutcome.AllowListed => "allowListed",
        PolicyOutcome.Error => "error",
        _ => "badRequest",
    };
}
