using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Dnsbl.Client.Messages;

// Link hosts found by their text as written: a newsletter repeats a few hosts over hundreds of links. A host written as
// the checked name it is kept as, but for ASCII case (AddName lower-cases an ASCII host and finds that name), finds its
// link in one probe of a small table keyed by that text, without the lower-casing, validation and dictionary lookup of
// AddName; the table also keeps what its scheme and host hold of the redirector keys (KeysAtHost), one answer for every
// spelling.
internal sealed partial class LinkCollector
{
    // Open addressing, linear probing. A slot's Value is 0 when empty, else: the link's index + 1 (bits 0-15; the scan limit,
    // MessageConstants.MaxLinksScanned, is far below 2^16), the host's RedirectorPatternSet.KeysAtHost after "http://"
    // (bits 16-19) and after "https://" (bits 20-23).
    private KeptHost[] keptHostSlots;
    private int keptHostCount;

    // A slot: its Value as above, the host's hash (compared before the text; kept, so that growing the table hashes nothing
    // again) and the kept link's host (links[index].Host, compared without reading the link). 16 bytes, as an int and a
    // reference alone would take with padding.
    private readonly record struct KeptHost(int Value, uint Hash, string Host);

    // At most this many slots are looked at: hosts made to collide (the hash is not randomised) go the general way, whose
    // dictionary defends itself, instead of growing a probe chain.
    private const int MaxKeptHostProbes = 8;
    private const int FirstKeptHostSlots = 8; // most messages link to a few hosts
    private const int KeptHostIndexMask = 0xFFFF;

    // Fails to compile (a negative constant is no ushort) when the scan limit outgrows the slot's index field.
    private const ushort KeptHostIndexHeadroom = KeptHostIndexMask - 1 - MessageConstants.MaxLinksScanned;
    private const int KeptHostHttpKeysShift = 16;
    private const int KeptHostHttpsKeysShift = 20;

    // The slot of hostAsGiven when it is a kept link host written as kept but for ASCII case; -1 when not. hash:
    // hostAsGiven's, for KeepHost when it is not kept yet.
    // Inlined into the plain-link shortcut, where most links of a newsletter end.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindKeptHost(ReadOnlySpan<char> hostAsGiven, out uint hash)
    {
        var hashed = HashOf(hostAsGiven);
        hash = hashed;
        var slots = keptHostSlots;
        var mask = slots.Length - 1;
        for (int probe = 0, at = (int)(hashed >> 7) & mask; probe < MaxKeptHostProbes && slots.Length > 0; probe++, at = (at + 1) & mask)
        {
            ref readonly var slot = ref slots[at];
            if (slot.Value == 0)
            {
                return -1;
            }

            if (slot.Hash == hashed && SameIgnoringAsciiCase(hostAsGiven, slot.Host))
            {
                return at;
            }
        }

        return -1;
    }

    // Nearly every host is written as kept: the exact compare first.
    private static bool SameIgnoringAsciiCase(ReadOnlySpan<char> hostAsGiven, string kept) =>
        hostAsGiven.Length == kept.Length && (hostAsGiven.SequenceEqual(kept) || Ascii.EqualsIgnoreCase(hostAsGiven, kept));

    // The index of the link kept at slot (a position in keptHostSlots).
    private int KeptHostIndex(int slot) => LinkIndexOf(keptHostSlots[slot].Value);

    // The link index a slot's value holds.
    private static int LinkIndexOf(int slotValue) => (slotValue & KeptHostIndexMask) - 1;

    // Keeps hostAsGiven (whose hash FindKeptHost gave) when AddName's answer for it (index) is a checked name written as
    // kept but for ASCII case (a host that was trimmed or normalised is not). Returns its slot, or -1.
    private int KeepHost(ReadOnlySpan<char> hostAsGiven, int index, uint hash)
    {
        if (generalPathOnly || index < 0 || !SameIgnoringAsciiCase(hostAsGiven, links[index].Host))
        {
            return -1;
        }

        if (2 * (keptHostCount + 1) > keptHostSlots.Length)
        {
            GrowKeptHosts();
        }

        return Place(new KeptHost(index + 1, hash, links[index].Host));
    }

    // Puts kept in the first free slot of its hash's probe chain; returns that slot, or -1 when the chain is full.
    private int Place(KeptHost kept)
    {
        var mask = keptHostSlots.Length - 1;
        for (int probe = 0, at = (int)(kept.Hash >> 7) & mask; probe < MaxKeptHostProbes; probe++, at = (at + 1) & mask)
        {
            if (keptHostSlots[at].Value == 0)
            {
                keptHostSlots[at] = kept;
                keptHostCount++;
                return at;
            }
        }

        return -1;
    }

    // Every kept host moves to a table twice the size, with its KeysAtHost.
    private void GrowKeptHosts()
    {
        var old = keptHostSlots;
        keptHostSlots = new KeptHost[Math.Max(FirstKeptHostSlots, 2 * old.Length)];
        keptHostCount = 0;
        foreach (var kept in old)
        {
            if (kept.Value != 0)
            {
                Place(kept);
            }
        }
    }

    // Four chars at a time (a host is some 20), with bit 0x20 of every char set, so that ASCII letters hash alike in either
    // case (other chars may collide; the compare tells them apart). Not randomised, so the probe limit above bounds what
    // collisions cost.
    // Internal for the test that fills one probe chain.
    internal static uint HashOf(ReadOnlySpan<char> text)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        const ulong CaseBits = 0x0020_0020_0020_0020;
        var bytes = MemoryMarshal.AsBytes(text);
        var hash = (ulong)text.Length;
        if (bytes.Length >= sizeof(ulong))
        {
            foreach (var word in MemoryMarshal.Cast<byte, ulong>(bytes))
            {
                hash = (hash ^ (word | CaseBits)) * Multiplier;
            }

            hash = (hash ^ (MemoryMarshal.Read<ulong>(bytes[^sizeof(ulong)..]) | CaseBits)) * Multiplier;
        }
        else
        {
            foreach (var c in text)
            {
                hash = (hash ^ (c | 0x20u)) * Multiplier;
            }
        }

        return (uint)((hash ^ (hash >> 29)) * Multiplier >> 32);
    }
}
