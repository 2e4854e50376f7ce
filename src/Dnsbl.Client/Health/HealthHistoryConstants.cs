namespace Dnsbl.Client.Health;

/// <summary>
/// The fixed sizes of each list's history (<see cref="ListHistory"/>). Memory per list, allocated once when the list is
/// first monitored: the minute counters are <see cref="Minutes"/> rows of <see cref="LookupMinuteCounters.Columns"/> ints
/// plus a long per row (1,440 × (17 × 4 B + 8 B) = 109,440 B); the rings hold at most <see cref="Rounds"/> +
/// <see cref="Changes"/> entries of about 100 B each (the ring arrays themselves 144 × 8 B) plus a reason of at most
/// <see cref="MaxReasonLength"/> characters (~420 B, often shared with the status). Worst case about 107 KiB + 144 × 0.5 KiB
/// ≈ 180 KiB per list; with short reasons about 121 KiB.
/// </summary>
internal static class HealthHistoryConstants
{
    /// <summary>Probe rounds kept per list: at the default 5 min interval about 8 h, at a 15 s disabled interval 24 min.</summary>
    public const int Rounds = 96;

    /// <summary>State changes (verdict, enabled flag, circuit) kept per list.</summary>
    public const int Changes = 48;

    /// <summary>Per-minute lookup counters kept per list: 24 h.</summary>
    public const int Minutes = 24 * 60;

    /// <summary>Longer reasons are cut, so a ring entry's size is bounded whatever the wire said.</summary>
    public const int MaxReasonLength = 200;

    public static string Cut(string reason) =>
        reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…");
}
