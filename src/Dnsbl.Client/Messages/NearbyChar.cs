using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dnsbl.Client.Messages;

/// <summary>A search for a char expected close by (the end of an HTML tag, the next tag): the markup scans' many short searches.</summary>
internal static class NearbyChar
{
    /// <summary>
    /// The first <paramref name="value"/> at or after <paramref name="from"/>, or -1. Tags, attribute values and the text
    /// between tags are mostly short: up to <see cref="InlineBlocks"/> blocks of 8 chars are compared inline first, which
    /// costs less than the call of the library search (a link's quoted value or its tag's '&gt;' is 30–60 chars away).
    /// </summary>
    public static int IndexOf(ReadOnlySpan<char> text, char value, int from)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var wanted = Vector128.Create((ushort)value);
            var limit = Math.Min(text.Length, from + (InlineBlocks * Vector128<ushort>.Count)) - Vector128<ushort>.Count;
            for (; from <= limit; from += Vector128<ushort>.Count)
            {
                var found = Vector128.Equals(Vector128.LoadUnsafe(ref chars, (nuint)from), wanted).ExtractMostSignificantBits();
                if (found != 0)
                {
                    return from + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        var index = text[from..].IndexOf(value);
        return index < 0 ? -1 : from + index;
    }

    // 64 chars: past a typical link.
    private const int InlineBlocks = 8;
}
