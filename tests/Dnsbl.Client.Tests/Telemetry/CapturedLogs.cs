using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dnsbl.Client.Tests.Telemetry;

/// <summary>
/// The tests' one capturing logger factory: a real <see cref="LoggerFactory"/> at <see cref="LogLevel.Trace"/> over
/// <see cref="FakeLoggerProvider"/>, whose <see cref="FakeLogCollector"/> keeps every record of every category.
/// </summary>
internal sealed class CapturedLogs : IDisposable
{
    public CapturedLogs() =>
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Collector)));

    public FakeLogCollector Collector { get; } = new();

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<FakeLogRecord> Records => Collector.GetSnapshot();

    /// <summary>The records logged by <typeparamref name="T"/>'s logger.</summary>
    public IEnumerable<FakeLogRecord> Of<T>() => Records.Where(record => record.Category == typeof(T).FullName);

    /// <summary>Everything a record carries as text (message, structured values, exception), for "never logged" checks.</summary>
    public static string AllText(FakeLogRecord record) =>
        $"{record.Category} {record.Level} {record.Id.Name}: {record.Message} " +
        $"[{string.Join(";", record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? [])}] {record.Exception}";

    public void Dispose() => Factory.Dispose();
}
