using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dnsbl.Client.Messages;

// The plain-link shortcut's one pass over a link after its scheme: whether every char is one the shortcut takes, and where
// the host ends. Inline vector compares, where the two library searches (a SearchValues set, then '/', '?' or '#') were two
// calls per link, and the set's search was not even inlined when tiered PGO is off.
internal sealed partial class LinkCollector
{
    // The rest of a plain link is at least this long for the vector pass (one block); shorter ones take the two searches.
    private const int PlainRestBlockChars = 16;

    /// <summary>
    /// The length of the host at the start of <paramref name="rest"/> (up to its first '/', '?' or '#', else all of it) when
    /// every char of it is in <c>PlainHttpRestCharacters</c> (in <c>PlainMarkupRestCharacters</c>, no '&amp;', when
    /// <paramref name="markup"/>); -1 when some char is not.
    /// </summary>
    /// <remarks>Internal for the test that compares it with the two searches it stands for.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PlainRestHostLength(ReadOnlySpan<char> rest, bool markup)
    {
        if (!Vector256.IsHardwareAccelerated || rest.Length < PlainRestBlockChars)
        {
            if (rest.IndexOfAnyExcept(markup ? PlainMarkupRestCharacters : PlainHttpRestCharacters) >= 0)
            {
                return -1;
            }

            var end = rest.IndexOfAny('/', '?', '#');
            return end < 0 ? rest.Length : end;
        }

        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(rest));
        var hostLength = -1;
        var lastBlock = rest.Length - PlainRestBlockChars;
        for (var start = 0; ; start = Math.Min(start + PlainRestBlockChars, lastBlock))
        {
            // The last block may overlap the one before: its chars are checked twice, and a host end among them was found there.
            var block = Vector256.LoadUnsafe(ref chars, (nuint)start);
            if (!IsPlainRestBlock(block, markup))
            {
                return -1;
            }

            if (hostLength < 0)
            {
                var ends = (Vector256.Equals(block, Vector256.Create((ushort)'/')) | Vector256.Equals(block, Vector256.Create((ushort)'?'))
                    | Vector256.Equals(block, Vector256.Create((ushort)'#'))).ExtractMostSignificantBits();
                hostLength = ends == 0 ? -1 : start + BitOperations.TrailingZeroCount(ends);
            }

            if (start == lastBlock)
            {
                return hostLength < 0 ? rest.Length : hostLength;
            }
        }
    }

    // Whether every char of block is printable ASCII ('!' to '~') but for '%', '(', '*', ':', '@', '[', '\\' and '{' (and
    // '&' when markup): PlainHttpRestCharacters (PlainMarkupRestCharacters).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainRestBlock(Vector256<ushort> block, bool markup)
    {
        var notPrintable = Vector256.GreaterThan(block - Vector256.Create((ushort)'!'), Vector256.Create((ushort)('~' - '!')));
        var excluded = Vector256.Equals(block, Vector256.Create((ushort)'%')) | Vector256.Equals(block, Vector256.Create((ushort)'('))
            | Vector256.Equals(block, Vector256.Create((ushort)'*')) | Vector256.Equals(block, Vector256.Create((ushort)':'))
            | Vector256.Equals(block, Vector256.Create((ushort)'@')) | Vector256.Equals(block, Vector256.Create((ushort)'['))
            | Vector256.Equals(block, Vector256.Create((ushort)'\\')) | Vector256.Equals(block, Vector256.Create((ushort)'{'));
        if (markup)
        {
            excluded |= Vector256.Equals(block, Vector256.Create((ushort)'&'));
        }

        return (notPrintable | excluded) == Vector256<ushort>.Zero;
    }
}
