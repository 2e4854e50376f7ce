using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Dnsbl.Client.Messages;

// The one cheap test that lets most texts and links skip deobfuscation.
internal static partial class LinkExtractor
{
    /// <summary>Whether <see cref="Deobfuscate"/> might change <paramref name="text"/> (true for every text it changes).</summary>
    /// <remarks>
    /// One vectorised pass visits only the marks an obfuscation must hold: a bracket before '.', "dot" or ":]//" (every
    /// obfuscated dot, "[:]//"), and the ':' of "://", where the scheme before it is checked as <see cref="RestoreSchemes"/>
    /// would. The marks are tested inline: most texts hold only plain "http://" links and the ':' of every one, and a
    /// library search per ':' (or per 'h', or per bracketed dot) cost more in calls than in scanning, on the bodies and on
    /// the 40-char links the collector checks one by one.
    /// </remarks>
    internal static bool NeedsDeobfuscation(ReadOnlySpan<char> text) => HasMark(text, entities: false);

    /// <summary>As <see cref="NeedsDeobfuscation"/>, and true too when <paramref name="text"/> holds an '&amp;' (an entity).</summary>
    internal static bool NeedsDecodingOrDeobfuscation(ReadOnlySpan<char> text) => HasMark(text, entities: true);

    private static bool HasMark(ReadOnlySpan<char> text, bool entities)
    {
        if (!Avx2.IsSupported || text.Length < Vector256<ushort>.Count)
        {
            return HasMarkCharByChar(text, entities);
        }

        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var index = 0;

        // Two blocks at a time, their chars packed to bytes (signed saturation: a char above 255 packs to 255, or to 0
        // from U+8000 on; neither is a mark): the marks are rare, and one byte test per 32 chars halves the work of a
        // body's pass. Only a pair holding a mark is tested char by char, block by block.
        for (; index + (2 * Vector256<ushort>.Count) <= text.Length; index += 2 * Vector256<ushort>.Count)
        {
            var lower = Vector256.LoadUnsafe(ref chars, (nuint)index);
            var upper = Vector256.LoadUnsafe(ref chars, (nuint)(index + Vector256<ushort>.Count));
            var bytes = Avx2.PackUnsignedSaturate(lower.AsInt16(), upper.AsInt16());
            var anyMark = Vector256.Equals(bytes, Vector256.Create((byte)':')) | Vector256.Equals(bytes, Vector256.Create((byte)'['))
                | Vector256.Equals(bytes, Vector256.Create((byte)'(')) | Vector256.Equals(bytes, Vector256.Create((byte)'{'))
                | Vector256.Equals(bytes, Vector256.Create((byte)'&'));
            if (anyMark != Vector256<byte>.Zero
                && (HasMarkInBlock(text, index, lower, entities) || HasMarkInBlock(text, index + Vector256<ushort>.Count, upper, entities)))
            {
                return true;
            }
        }

        // The rest, under two blocks: one block at a time, the last overlapping the one before (its marks are tested
        // again, with the same answer).
        var last = text.Length - Vector256<ushort>.Count;
        for (; index < text.Length; index += Vector256<ushort>.Count)
        {
            index = Math.Min(index, last);
            if (HasMarkInBlock(text, index, Vector256.LoadUnsafe(ref chars, (nuint)index), entities))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a mark stands among the 16 chars of block, read from text at index.
    private static bool HasMarkInBlock(ReadOnlySpan<char> text, int index, Vector256<ushort> block, bool entities)
    {
        var found = (Vector256.Equals(block, Vector256.Create((ushort)':')) | Vector256.Equals(block, Vector256.Create((ushort)'['))
            | Vector256.Equals(block, Vector256.Create((ushort)'(')) | Vector256.Equals(block, Vector256.Create((ushort)'{'))
            | Vector256.Equals(block, Vector256.Create((ushort)'&'))).ExtractMostSignificantBits();
        for (; found != 0; found &= found - 1)
        {
            if (IsMark(text, index + BitOperations.TrailingZeroCount(found), entities))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="HasMark"/> one char at a time: for short texts, and the oracle of its vectorised passes.</summary>
    internal static bool HasMarkCharByChar(ReadOnlySpan<char> text, bool entities)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] is ':' or '[' or '(' or '{' or '&' && IsMark(text, index, entities))
            {
                return true;
            }
        }

        return false;
    }

    // text[index] is one of the marks: whether an obfuscation (or, when entities count, an entity) may start there. The
    // exact dot patterns are left to Deobfuscate: a bracket before '.', 'd' or ':' is rare.
    private static bool IsMark(ReadOnlySpan<char> text, int index, bool entities) => text[index] switch
    {
        ':' => ObfuscatedSchemeEndsAt(text, index),
        '&' => entities,
        _ => index + 1 < text.Length && text[index + 1] is '.' or 'd' or 'D' or ':',
    };

    // Whether the ':' at colon ends an obfuscated or not-as-restored scheme ("hxxp:", "HTTPS:") followed by "//": its 'h'
    // stands 4 chars before (5 with an 's').
    private static bool ObfuscatedSchemeEndsAt(ReadOnlySpan<char> text, int colon)
    {
        if (colon + 2 >= text.Length || text[colon + 1] != '/' || text[colon + 2] != '/' || colon < 4)
        {
            return false;
        }

        // A plain "http://" or "https://" (most links) reads as its restored form whatever precedes it.
        var h = (text[colon - 1] | 0x20) == 's' ? colon - 5 : colon - 4;
        return h >= 0 && !text.Slice(h, 4).SequenceEqual("http") && ChangesSchemeAt(text, h);
    }

    // Whether RestoreSchemes rewrites a scheme starting at h.
    private static bool ChangesSchemeAt(ReadOnlySpan<char> text, int h) =>
        (text[h] | 0x20) == 'h' && TextScan.WordStartsAt(text, h) && ObfuscatedSchemeLength(text, h, out _) is > 0 and var length && !IsRestored(text, h, length);
}
