using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Dnsbl.Client.Tests.Telemetry;

/// <summary>Records the measurements of meters made by its own <see cref="IMeterFactory"/>, so parallel tests do not mix.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly MeterListener _listener = new();

    public MetricsRecorder()
    {
        _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Factory = _provider.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == Factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public IMeterFactory Factory { get; }

    public ConcurrentQueue<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    public IEnumerable<(double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
        Measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags));

    public void CollectObservables() => _listener.RecordObservableInstruments();

    public void Dispose()
    {
        _listener.Dispose();
        _provider.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        Measurements.Enqueue((instrument.Name, instrument.Unit, value, copy));
    }
}
