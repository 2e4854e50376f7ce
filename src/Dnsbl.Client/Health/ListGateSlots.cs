using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>
/// The monitor's entries of a client snapshot's lists, found once by name so a check reads each list's gate by slot
/// (a field read) instead of hashing its name. Valid while the monitor's roster is the one it was resolved from.
/// </summary>
internal sealed class ListGateSlots(object roster, DnsList[] lists, MonitoredList?[] entries)
{
    /// <summary>Nothing resolved yet: every read falls back to the lookup by name.</summary>
    public static ListGateSlots Unresolved(DnsList[] lists) => new(new object(), lists, new MonitoredList?[lists.Length]);

    /// <summary>The roster the entries belong to; another roster means the lists were changed since.</summary>
    public object Roster { get; } = roster;

    public DnsList[] Lists { get; } = lists;

    /// <summary>Per slot, the monitored entry, or null when the list is not monitored (then it is enabled).</summary>
    public MonitoredList?[] Entries { get; } = entries;
}
