using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

// The planner's working containers, reused from one message to the next on the same thread: a plan grew its candidate
// and lookup lists, key sets, skips and per-link names from nothing each time (some 5 KB of a 20 KB message's 25 KB;
// allocation is what a message check pays the garbage collector by). Only emptied containers are reused: what a plan
// returns is copied out into lists of its own, and every per-message value starts afresh in a new planner.
internal sealed partial class MessageKeyPlanner
{
    // The containers of a plan that finished, emptied, for the next one on this thread; null while a plan holds them, so a
    // plan made meanwhile on this thread (none is, but nothing relies on it) works in containers of its own.
    [ThreadStatic]
    private static Scratch? idleScratch;

    // A message with more links, keys or skips leaves its containers to the garbage collector: a thread keeps at most
    // containers of about this size for good.
    private const int MaxReusedItems = 512;

    // The containers one plan works in.
    private sealed class Scratch
    {
        public readonly List<MessageLookup> Lookups = [];
        public readonly List<MessageLookup> Candidates = [];
        public readonly HashSet<string> KeysOfList = new(StringComparer.Ordinal);
        public readonly List<MessageSkippedKey> Skipped = [];
        public readonly Dictionary<string, int> LatestSkipOfKey = new(StringComparer.Ordinal);
        public readonly List<int> EarlierSkipOfKey = [];
        public readonly Dictionary<(DomainQueryForm Form, string Host), string?> DomainsInForm = [];
        public LinkName[] LinkNames = [];
        public int LinkNamesUsed;

        public static Scratch Take()
        {
            var taken = idleScratch ?? new Scratch();
            idleScratch = null;
            return taken;
        }

        // Per link of a message of linkCount links: its entries, all unknown.
        public LinkName[] LinkNamesFor(int linkCount)
        {
            if (LinkNames.Length < linkCount)
            {
                LinkNames = new LinkName[linkCount];
            }

            LinkNamesUsed = linkCount;
            return LinkNames;
        }

        // Empties every container (no string of this message stays reachable) and leaves them to the next plan on this
        // thread, unless one grew past MaxReusedItems.
        public void Release()
        {
            if (Lookups.Capacity > MaxReusedItems || Candidates.Capacity > MaxReusedItems || Skipped.Capacity > MaxReusedItems
                || LinkNames.Length > MaxReusedItems || KeysOfList.Count > MaxReusedItems || DomainsInForm.Count > MaxReusedItems)
            {
                return;
            }

            Lookups.Clear();
            Candidates.Clear();
            KeysOfList.Clear();
            Skipped.Clear();
            LatestSkipOfKey.Clear();
            EarlierSkipOfKey.Clear();
            DomainsInForm.Clear();
            Array.Clear(LinkNames, 0, LinkNamesUsed);
            LinkNamesUsed = 0;
            idleScratch = this;
        }
    }
}
