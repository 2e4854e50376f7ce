namespace Dnsbl.Client.Health;

/// <summary>A window of the most recent probe questions of one list: latency and error rate for the report. Not thread-safe.</summary>
internal sealed class ProbeStatistics(int window)
{
    private readonly Queue<ProbeSample> _samples = new(window);

    public TimeSpan? LastLatency { get; private set; }

    public void Add(IEnumerable<ProbeSample> samples)
    {
        foreach (var sample in samples)
        {
            if (_samples.Count == window)
            {
                _samples.Dequeue();
            }

            _samples.Enqueue(sample);
            LastLatency = sample.Latency;
        }
    }

    public TimeSpan? MeanLatency => _samples.Count == 0 ? null : TimeSpan.FromTicks((long)_samples.Average(s => s.Latency.Ticks));

    public double? ErrorRate => _samples.Count == 0 ? null : _samples.Count(s => s.Failed) / (double)_samples.Count;
}
