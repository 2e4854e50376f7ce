using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dnsbl.Client.Messages;

// The key search for a short text (the path of most links after a host kept by the collector, "/c/3", "/0.png"): the
// vectorised search (anyPatternKey) costs 8-12 ns a call on a path of 4-6 chars, mostly set-up, while the first two chars
// of every key, looked up per place in a bit table, answer one in 5-6 ns (17 against 24 ns at 18 chars; measured, shipped
// patterns). Where a key's first two chars stand, or a char is not ASCII, the search decides as before.
internal sealed partial class RedirectorPatternSet
{
    // Longer texts go to the vectorised search, which then costs less than a lookup per char.
    private const int ShortTextLength = 24;

    // Bit ((c0 | 0x20) << 7) | (c1 | 0x20) is set when some key starts with the ASCII chars c0 c1 (so with them in any case:
    // ASCII letters differ only in bit 0x20; other chars that become alike this way only add places to check). Null when
    // some key is shorter than two chars or starts with a non-ASCII char.
    private readonly ulong[]? keyStarts;

    // The length of the shortest key: a key starts no later than this many chars before a text's end.
    private readonly int shortestKey;

    private static ulong[]? KeyStartsOf(string[] keys)
    {
        var starts = new ulong[1 << 14 >> 6];
        foreach (var key in keys)
        {
            if (key.Length < 2 || !char.IsAscii(key[0]) || !char.IsAscii(key[1]))
            {
                return null;
            }

            var pair = KeyStartIndex(key[0], key[1]);
            starts[pair >> 6] |= 1UL << pair;
        }

        return starts;
    }

    private static int KeyStartIndex(char first, char second) => ((first | 0x20) << 7) | (second | 0x20);

    /// <summary>
    /// Whether <paramref name="text"/> holds one of the pattern keys (ignoring case), as the vectorised search says, answered
    /// without it for a short ASCII text that has no key's first two chars where a key fits. Only when every pattern has a
    /// key (<c>anyPatternKey</c> is not null).
    /// </summary>
    /// <remarks>Internal for the test that compares it with a search for each key.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool HoldsKey(ReadOnlySpan<char> text)
    {
        var keys = anyPatternKey ?? throw new InvalidOperationException("some pattern has no key text");
        if (keyStarts is { } starts && text.Length <= ShortTextLength)
        {
            // Each char is read once (as the second of one pair, then the first of the next), in place: the loop bound keeps
            // both within the text.
            ref var chars = ref MemoryMarshal.GetReference(text);
            var lastStart = text.Length - shortestKey;
            uint first = lastStart >= 0 ? chars : 0u;
            var found = false;
            for (var at = 0; at <= lastStart; at++)
            {
                uint second = Unsafe.Add(ref chars, at + 1);
                if ((first | second) > 0x7F)
                {
                    found = true; // not ASCII: the search decides
                    break;
                }

                var pair = KeyStartIndex((char)first, (char)second);
                if ((starts[pair >> 6] & (1UL << pair)) != 0)
                {
                    found = true;
                    break;
                }

                first = second;
            }

            if (!found)
            {
                return false; // no key starts anywhere one fits (none fits in a text shorter than the shortest key)
            }
        }

        return text.IndexOfAny(keys) >= 0;
    }
}
