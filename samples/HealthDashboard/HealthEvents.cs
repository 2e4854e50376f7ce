using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dnsbl.Client.Health;

namespace Dnsbl.Samples.HealthDashboard;

/// <summary>
/// Fans list health changes out to every connected server-sent-events client. Each event's data is a
/// <see cref="DnsblHealthReport"/> JSON holding the one list that changed, so the page parses one shape everywhere.
/// </summary>
public sealed class HealthEvents : IDisposable
{
    private const int QueuedEventsPerClient = 64;
    private readonly DnsblHealthMonitor _monitor;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Channel<string>, byte> _subscribers = new();

    /// <summary>Subscribes to <paramref name="monitor"/>'s <see cref="DnsblHealthMonitor.StateChanged"/>.</summary>
    /// <param name="monitor">The monitor to follow.</param>
    /// <param name="time">Stamps each event.</param>
    public HealthEvents(DnsblHealthMonitor monitor, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
        _time = time;
        _monitor.StateChanged += OnStateChanged;
    }

    /// <summary>Sends <paramref name="health"/> to every client (after a probe or override from the page).</summary>
    /// <param name="health">The list's current health.</param>
    public void Publish(ListHealth health)
    {
        var json = new DnsblHealthReport { GeneratedAt = _time.GetUtcNow(), Lists = [health] }.ToJson();
        foreach (var subscriber in _subscribers.Keys)
        {
            // A client too slow to keep up loses the oldest updates, never blocks the monitor.
            subscriber.Writer.TryWrite(json);
        }
    }

    /// <summary>The events for one client until it disconnects: the full report first, then each change.</summary>
    /// <param name="cancellationToken">Ends the stream (the client went away).</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(QueuedEventsPerClient) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = 0;
        try
        {
            yield return new SseItem<string>(_monitor.GetReport().ToJson(), "report");
            await foreach (var json in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new SseItem<string>(json, "list");
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _monitor.StateChanged -= OnStateChanged;

    private void OnStateChanged(object? sender, ListStateChangedEventArgs change) => Publish(change.Current);
}
