namespace Dnsbl.Client.Health;

/// <summary>
/// One list's lookups counted per minute over the last 24 h, in a fixed table (<see cref="HealthHistoryConstants.Minutes"/>
/// rows of <see cref="Columns"/> ints) indexed by minute modulo its size: nothing grows, an old minute's row is cleared
/// when its slot is reused. Counting is two comparisons with the current minute's timestamp range and one interlocked
/// increment (the cached check counts every list: no arithmetic on that path); starting a new minute takes a short
/// lock. Minutes come from <see cref="TimeProvider"/> timestamps, anchored to its wall clock once, so the hot path
/// reads no second clock.
/// </summary>
internal sealed class LookupMinuteCounters
{
    /// <summary>The counted columns: the <see cref="LookupColumn"/> outcomes plus one per error kind but None.</summary>
    public static readonly int Columns = (int)LookupColumn.ErrorBase + Enum.GetValues<DnsblErrorKind>().Length - 1;

    private static readonly string[] ErrorNames = [.. Enum.GetValues<DnsblErrorKind>().Where(k => k != DnsblErrorKind.None).Select(k => k.ToString())];

    private readonly Lock _roll = new();
    private readonly int[] _counts = new int[HealthHistoryConstants.Minutes * Columns];
    private readonly long[] _rowMinute = new long[HealthHistoryConstants.Minutes]; // the minute a row counts, +1 (0: never used)
    private readonly double _anchorMinutes;
    private readonly long _anchorTimestamp;
    private readonly double _timestampsPerMinute;
    private volatile CurrentMinute? _current;

    public LookupMinuteCounters(TimeProvider time)
    {
        _anchorTimestamp = time.GetTimestamp();
        _anchorMinutes = time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000.0;
        _timestampsPerMinute = time.TimestampFrequency * 60.0;
    }

    /// <summary>The column of an error of <paramref name="kind"/>.</summary>
    public static LookupColumn ErrorColumn(DnsblErrorKind kind) => LookupColumn.ErrorBase + (int)kind - 1;

    /// <summary>Counts one lookup in the minute of <paramref name="timestamp"/> (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public void Count(LookupColumn column, long timestamp)
    {
        var current = _current;
        var row = current is not null && timestamp >= current.Start && timestamp < current.End ? current.Row : Roll(timestamp);
        Interlocked.Increment(ref _counts[(row * Columns) + (int)column]);
    }

    /// <summary>Every minute of the last 24 h (up to <paramref name="timestamp"/>) with at least one lookup, oldest first.</summary>
    public IReadOnlyList<LookupMinute> Snapshot(long timestamp)
    {
        var now = MinuteOf(timestamp);
        var minutes = new List<LookupMinute>();
        lock (_roll)
        {
            for (var minute = now - HealthHistoryConstants.Minutes + 1; minute <= now; minute++)
            {
                var row = (int)(minute % HealthHistoryConstants.Minutes);
                if (minute >= 0 && _rowMinute[row] == minute + 1)
                {
                    minutes.Add(Read(row, minute));
                }
            }
        }

        return minutes;
    }

    /// <summary>The row of <paramref name="timestamp"/>'s minute, started if new, and remembered as the current minute.</summary>
    private int Roll(long timestamp)
    {
        var minute = MinuteOf(timestamp);
        var row = (int)(minute % HealthHistoryConstants.Minutes);
        if (Volatile.Read(ref _rowMinute[row]) != minute + 1)
        {
            StartRow(row, minute);
        }

        // A timestamp a rounding step off the range's edge recomputes its minute here: never counted in a wrong row.
        var start = (long)Math.Ceiling(_anchorTimestamp + ((minute - _anchorMinutes) * _timestampsPerMinute));
        var end = (long)Math.Ceiling(_anchorTimestamp + ((minute + 1 - _anchorMinutes) * _timestampsPerMinute));
        if (MinuteOf(start) == minute && MinuteOf(end - 1) == minute && (_current is not { } seen || seen.Start < start))
        {
            _current = new CurrentMinute(start, end, row);
        }

        return row;
    }

    private void StartRow(int row, long minute)
    {
        lock (_roll)
        {
            if (_rowMinute[row] == minute + 1)
            {
                return; // another thread started it meanwhile
            }

            // Clear before publishing the minute: a thread that sees the new minute counts into a clean row.
            Array.Clear(_counts, row * Columns, Columns);
            Volatile.Write(ref _rowMinute[row], minute + 1);
        }
    }

    private LookupMinute Read(int row, long minute)
    {
        var counts = _counts.AsSpan(row * Columns, Columns);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ErrorNames.Length; i++)
        {
            if (Volatile.Read(ref counts[(int)LookupColumn.ErrorBase + i]) is var count and > 0)
            {
                errors[ErrorNames[i]] = count;
            }
        }

        return new LookupMinute
        {
            Start = DateTimeOffset.FromUnixTimeSeconds(minute * 60),
            NotListed = counts[(int)LookupColumn.NotListed],
            Listed = counts[(int)LookupColumn.Listed],
            SkippedDisabled = counts[(int)LookupColumn.SkippedDisabled],
            SkippedCircuitOpen = counts[(int)LookupColumn.SkippedCircuitOpen],
            FromCache = counts[(int)LookupColumn.FromCache],
            SkippedOverBudget = counts[(int)LookupColumn.SkippedOverBudget],
            Errors = errors,
        };
    }

    private long MinuteOf(long timestamp) =>
        (long)Math.Floor(_anchorMinutes + ((timestamp - _anchorTimestamp) / _timestampsPerMinute));

    /// <summary>The minute most counts fall in: its timestamps [<see cref="Start"/>, <see cref="End"/>) and its row.</summary>
    private sealed record CurrentMinute(long Start, long End, int Row);
}
