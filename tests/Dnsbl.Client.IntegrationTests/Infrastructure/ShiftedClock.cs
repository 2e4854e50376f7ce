namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// The system clock with its wall time moved: it starts at the beginning of a UTC minute, so a test whose budget is
/// counted per minute has the whole minute before its window rolls over (real time would roll over at an arbitrary
/// point of the run), and <see cref="NextMinute"/> moves it to the start of the next. Timers and timestamps stay real.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private readonly DateTimeOffset _origin = new(2026, 12, 11, 12, 0, 0, TimeSpan.Zero);
    private readonly long _started = System.GetTimestamp();
    private TimeSpan _shift;

    public override DateTimeOffset GetUtcNow() => _origin + _shift + System.GetElapsedTime(_started);

    /// <summary>Moves the clock to the start of the next UTC minute.</summary>
    public void NextMinute()
    {
        var now = GetUtcNow();
        _shift += TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute);
    }
}
