using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Dnsbl.Client.Messages;

// The scans over the bodies' text: URLs first, then mail addresses, then bare host names; each blanks what it found.
internal static partial class LinkExtractor
{
    // Finds URLs with a scheme (or "www."), records them, and blanks them out so bare-host scanning does not see
    // file names in their paths.
    private static void ScanUrls(Span<char> chars, LinkCollector collector)
    {
        for (var from = 0; UrlScanner.TryFind(chars, from, out var start, out var length); from = start + length)
        {
            collector.AddUrl(chars.Slice(start, length), inMarkup: false, requireScheme: false);
            chars.Slice(start, length).Fill(' ');
        }
    }

    // chars: the text with its URLs blanked out; the scan blanks its mail addresses too.
    internal static void ScanBareHosts(Span<char> chars, LinkCollector collector, PublicSuffixList suffixes)
    {
        // Bare e-mail addresses first (their domains are mail links, skipped by default as SpamAssassin does), blanked out
        // so that the host scan does not take their domains as web links. An address is blanked once the next is found:
        // the search from its end reads its last char (a blank there would start a new candidate).
        var blankNext = (Start: 0, Length: 0);
        for (var from = 0; MailAddressScanner.TryFind(chars, from, out var start, out var length, out var domainStart); from = start + length)
        {
            chars.Slice(blankNext.Start, blankNext.Length).Fill(' ');
            collector.AddHost(chars[domainStart..(start + length)], chars.Slice(start, length), inMarkup: false, LinkPriority.Text, isMailAddress: true);
            blankNext = (start, length);
        }

        chars.Slice(blankNext.Start, blankNext.Length).Fill(' ');

        Span<char> topLevel = stackalloc char[MaxTopLevelLength];
        for (var position = 0; NextHostWord(chars, position, out var wordStart, out var wordLength); position = wordStart + wordLength)
        {
            var word = chars.Slice(wordStart, wordLength);
            for (var from = 0; BareHostScanner.TryFind(word, from, out var start, out var length); from = start + length)
            {
                if (collector.RefusesMore())
                {
                    return;
                }

                var host = word.Slice(start, length);
                if (IsTopLevelDomain(host[(host.LastIndexOf('.') + 1)..], suffixes, topLevel))
                {
                    collector.AddHost(host, host, inMarkup: false);
                }
            }
        }
    }

    // A top-level label found by the host scan is 2-63 letters or "xn--" and up to 59 more chars.
    private const int MaxTopLevelLength = 63;

    // Whether the top-level label is a top-level domain of the list (as SpamAssassin's list of valid TLDs, which holds za
    // though the suffix list names only org.za and the like): ASCII is lower-cased in place, anything else through IDNA.
    private static bool IsTopLevelDomain(ReadOnlySpan<char> label, PublicSuffixList suffixes, Span<char> buffer)
    {
        if (label.Length <= buffer.Length && Ascii.IsValid(label))
        {
            var lower = buffer[..label.Length];
            Ascii.ToLower(label, lower, out _);
            return suffixes.IsTopLevelDomain(lower);
        }

        return PublicSuffixList.ToAscii(label.ToString()) is { } ascii && suffixes.IsTopLevelDomain(ascii);
    }

    /// <summary>
    /// The first white-space-separated word of <paramref name="text"/> at or after <paramref name="from"/> that holds a dot
    /// with a letter or digit before it and a letter after it: the dot before a host's top-level label.
    /// </summary>
    /// <remarks>
    /// Bare hosts need such a dot and do not span white space, which the pattern also accepts as the delimiter before and
    /// after (so a word's edges behave as the text's start and end do). Matching only these words finds the same matches
    /// as matching the whole text, in order, without running the pattern over every other word: that was most of a
    /// message's planning time (benchmarks/README.md). Words whose dots are all elsewhere (a sentence's full stop after a
    /// blanked address or link) are passed over without finding their edges.
    /// </remarks>
    internal static bool NextHostWord(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        start = length = 0;
        var dot = IndexOfHostDot(text, from);
        if (dot < 0)
        {
            return false;
        }

        start = WordStart(text, from, dot);
        length = WordEnd(text, dot) - start;
        return true;
    }

    // The first dot after from with a letter or digit before it and a letter after it; -1 for none. One vectorised pass
    // finds the dots and tests them inline: a library search per dot (a text's full stops, once its links and addresses
    // are blanked) cost more in calls than in scanning.
    private static int IndexOfHostDot(ReadOnlySpan<char> text, int from)
    {
        var dot = from + 1;
        if (Avx2.IsSupported)
        {
            ref var chars = ref Unsafe.As<char, short>(ref MemoryMarshal.GetReference(text));

            // 32 chars at a time, packed to bytes (signed saturation: a char above 255 packs to 255, or to 0 from U+8000
            // on; neither is a dot) and put back in order (the pack interleaves the two blocks' halves); the last char of
            // the text is never a host dot.
            for (; dot + (2 * Vector256<short>.Count) < text.Length; dot += 2 * Vector256<short>.Count)
            {
                var bytes = Avx2.PackUnsignedSaturate(
                    Vector256.LoadUnsafe(ref chars, (nuint)dot), Vector256.LoadUnsafe(ref chars, (nuint)(dot + Vector256<short>.Count)));
                var ordered = Avx2.Permute4x64(bytes.AsUInt64(), 0b11_01_10_00).AsByte();
                for (var found = Vector256.Equals(ordered, Vector256.Create((byte)'.')).ExtractMostSignificantBits(); found != 0; found &= found - 1)
                {
                    var candidate = dot + BitOperations.TrailingZeroCount(found);
                    if (IsHostDot(text, candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        for (; dot + 1 < text.Length; dot++)
        {
            if (text[dot] == '.' && IsHostDot(text, dot))
            {
                return dot;
            }
        }

        return -1;
    }

    // text[dot] is a dot with a char on each side: whether a letter or digit stands before it and a letter after it.
    private static bool IsHostDot(ReadOnlySpan<char> text, int dot) =>
        BareHostScanner.IsLetterOrNumber(text[dot - 1]) && BareHostScanner.IsLetter(text[dot + 1]);

    // Words are short: their edges are looked for char by char nearby (a vectorised search costs more to call than
    // the few chars it would scan), and with the vectorised search beyond.
    private const int NearbyWordChars = 24;

    // The start of the word holding index: after the last white space in text[from..index], else from.
    private static int WordStart(ReadOnlySpan<char> text, int from, int index)
    {
        var nearby = Math.Max(from, index - NearbyWordChars);
        for (var position = index - 1; position >= nearby; position--)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                return position + 1;
            }
        }

        var before = text[from..nearby].LastIndexOfAny(TextScan.WhiteSpace);
        return before < 0 ? from : from + before + 1;
    }

    // The end of the word holding index: the next white space, else the text's end.
    private static int WordEnd(ReadOnlySpan<char> text, int index)
    {
        var nearby = Math.Min(text.Length, index + NearbyWordChars);
        for (var position = index; position < nearby; position++)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                return position;
            }
        }

        var after = text[nearby..].IndexOfAny(TextScan.WhiteSpace);
        return after < 0 ? text.Length : nearby + after;
    }
}
