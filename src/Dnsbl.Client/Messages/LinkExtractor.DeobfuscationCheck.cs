using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        var index = 0;
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var (colon, bracket, paren, brace) =
                (Vector256.Create((ushort)':'), Vector256.Create((ushort)'['), Vector256.Create((ushort)'('), Vector256.Create((ushort)'{'));
            var ampersand = Vector256.Create(entities ? (ushort)'&' : (ushort)':');
            var last = text.Length - Vector256<ushort>.Count;
            while (true)
            {
                // The last block overlaps the one before; its marks are tested again, with the same answer.
                index = Math.Min(index, last);
                var block = Vector256.LoadUnsafe(ref chars, (nuint)index);
                var found = (Vector256.Equals(block, colon) | Vector256.Equals(block, bracket) | Vector256.Equals(block, paren)
                    | Vector256.Equals(block, brace) | Vector256.Equals(block, ampersand)).ExtractMostSignificantBits();
                for (; found != 0; found &= found - 1)
                {
                    if (IsMark(text, index + BitOperations.TrailingZeroCount(found)))
                    {
                        return true;
                    }
                }

                if (index == last)
                {
                    return false;
                }

                index += Vector256<ushort>.Count;
            }
        }

        for (; index < text.Length; index++)
        {
            if (text[index] is ':' or '[' or '(' or '{' || (entities && text[index] == '&'))
            {
                if (IsMark(text, index))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // text[index] is one of the marks: whether an obfuscation (or an entity) may start there. The exact dot patterns are
    // left to Deobfuscate: a bracket before '.', 'd' or ':' is rare.
    private static bool IsMark(ReadOnlySpan<char> text, int index) => text[index] switch
    {
        ':' => ObfuscatedSchemeEndsAt(text, index),
        '&' => true,
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
