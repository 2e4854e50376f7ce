using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>Samples the runtime's allocation ticks (one per ~100 KB allocated) by type: where the bytes of a flood go.</summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public IEnumerable<(string Type, double Share)> Stop()
    {
        _recording = false;
        var total = Math.Max(1, _bytesByType.Values.Sum());
        return _bytesByType.OrderByDescending(p => p.Value).Select(p => (p.Key, (double)p.Value / total));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var typeIndex = eventData.PayloadNames!.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        var type = eventData.Payload[typeIndex] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
