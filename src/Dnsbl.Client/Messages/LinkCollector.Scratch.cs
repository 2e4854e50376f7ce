namespace Dnsbl.Client.Messages;

// The collector's tables, reused from one message to the next on the same thread: a message of some 30 hosts grew two
// dictionaries and the kept-host table from nothing each time (5 KB of its 12 KB; allocation is what a message check
// pays the garbage collector by). Only emptied containers are reused: every per-message value (counts, flags, the
// recent mail domain) starts afresh in a new collector, so nothing read from one message can reach the next.
internal sealed partial class LinkCollector
{
    // The tables of a collector that finished (TakeLinks), emptied, for the next one on this thread; null while a collector
    // holds them, so a collector made while another is at work (a test, a nested use) makes tables of its own.
    [ThreadStatic]
    private static Scratch? idleScratch;

    // A message with more distinct hosts leaves its tables to the garbage collector: a thread keeps at most tables of this
    // size for good.
    private const int MaxReusedLinks = 256;

    private Scratch? scratch;

    // The containers one collector works in.
    private sealed class Scratch
    {
        public readonly List<ExtractedLink> Links = [];
        public readonly Dictionary<string, int> SeenHosts = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> SeenMailDomains = new(StringComparer.Ordinal);
        public KeptHost[] KeptHostSlots = [];
    }

    private static Scratch TakeScratch()
    {
        var taken = idleScratch ?? new Scratch();
        idleScratch = null;
        return taken;
    }

    /// <summary>
    /// The links collected, as a list of their own (with room for the signing domains the planner adds); this collector
    /// is finished: its tables are emptied for the next message on this thread, and it must not be used again.
    /// </summary>
    public List<ExtractedLink> TakeLinks()
    {
        var finished = scratch ?? throw new InvalidOperationException("the collector's links were taken already");
        var taken = new List<ExtractedLink>(links.Count + SigningDomainRoom);
        taken.AddRange(links);
        scratch = null;
        if (links.Count <= MaxReusedLinks)
        {
            links.Clear();
            seenHosts.Dictionary.Clear();
            seenMailDomains.Dictionary.Clear();
            if (keptHostCount > 0)
            {
                Array.Clear(keptHostSlots);
            }

            finished.KeptHostSlots = keptHostSlots;
            idleScratch = finished;
        }

        // Any further use fails at once instead of reading the tables the next message works in.
        links = null!;
        keptHostSlots = [];
        keptHostCount = 0;
        seenHosts = default;
        seenMailDomains = default;
        return taken;
    }

    // A message has one or two DKIM signing domains, which the planner adds as links (MessageKeyPlanner.OrderedLinks).
    private const int SigningDomainRoom = 2;
}
