using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dnsbl.Client.Messages;

/// <summary>A search for a char expected close by (the end of an HTML tag, the next tag): the markup scans' many short searches.</summary>
internal static class NearbyChar
{
    /// <summary>
    /// The first <paramref name="value"/> at or after <paramref name="from"/>, or -1. Tags and the text between them are
    /// mostly short: the next 16 chars are compared inline first, which costs less than the call of the library search.
    /// </summary>
    public static int IndexOf(ReadOnlySpan<char> text, char value, int from)
    {
        if (Vector128.IsHardwareAccelerated && from + (2 * Vector128<ushort>.Count) <= text.Length)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var wanted = Vector128.Create((ushort)value);
            var found = Vector128.Equals(Vector128.LoadUnsafe(ref chars, (nuint)from), wanted).ExtractMostSignificantBits();
            if (found != 0)
            {
                return from + BitOperations.TrailingZeroCount(found);
            }

            found = Vector128.Equals(Vector128.LoadUnsafe(ref chars, (nuint)(from + Vector128<ushort>.Count)), wanted).ExtractMostSignificantBits();
            if (found != 0)
            {
                return from + Vector128<ushort>.Count + BitOperations.TrailingZeroCount(found);
            }

            from += 2 * Vector128<ushort>.Count;
        }

        var index = text[from..].IndexOf(value);
        return index < 0 ? -1 : from + index;
    }
}
