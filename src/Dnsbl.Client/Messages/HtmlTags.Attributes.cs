using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dnsbl.Client.Messages;

// The link extractor's pass over HTML: the visible text and the link attributes in one walk.
internal static partial class HtmlTags
{
    /// <summary>The ints a found attribute takes in the list <see cref="ReplaceWithSpaces(string, Span{char}, Span{int}, out int)"/> fills.</summary>
    public const int IntsPerAttribute = 3;

    // The walk reads the HTML in blocks of this many chars.
    private const int BlockChars = 16;

    /// <summary>
    /// As <see cref="ReplaceWithSpaces(string, Span{char})"/>, and finds the attributes <see cref="HtmlLinkAttributes.Find"/>
    /// finds, in its order: each one's priority, value start and value length in <paramref name="attributes"/>
    /// (<see cref="MaxAttributeInts"/> of the HTML's length are enough).
    /// </summary>
    /// <remarks>
    /// Both scans go from '&lt;' to '&lt;' and from '=' to '=', each with its own resume point (an attribute's quoted value
    /// may hold a '&lt;', a comment an '='); one vectorised walk visits the two marks in order, where the two scans made a
    /// search call per tag and per attribute. It visits the '&gt;' marks too: a plain tag ends at the first one after its
    /// '&lt;', which the walk reaches anyway, so most tags need no search of their own. The walk's state is locals, and each
    /// mark's kind is read from its block's bit masks instead of loading the char again; text between tags (mostly shorter
    /// than a block) is copied as one block instead of by a call.
    /// </remarks>
    public static int ReplaceWithSpaces(string html, Span<char> destination, Span<int> attributes, out int attributeCount)
    {
        var searches = new EndSearches();
        var (written, copied, nextTag, openTag, nextEquals, nameFrom, count) = (0, 0, 0, -1, 0, 0, 0);
        var noMoreTags = false;
        for (var block = 0; block < html.Length; block += BlockChars)
        {
            var (lessThan, greaterThan, marks) = MarksOf(html, block);
            for (; marks != 0; marks &= marks - 1)
            {
                var bit = marks & (0u - marks);
                var position = block + BitOperations.TrailingZeroCount(marks);
                if ((lessThan & bit) != 0)
                {
                    if (noMoreTags || openTag >= 0 || position < nextTag)
                    {
                        continue;
                    }

                    // A plain tag (as MatchAt tells them) ends at the next '>' the walk visits.
                    if (IsPlainTag(html, position))
                    {
                        openTag = position;
                        continue;
                    }

                    var end = MatchAt(html, position, ref searches);
                    if (end == NoMoreTags)
                    {
                        // As MatchAt's NoMoreTags: no '>' anywhere after, so nothing from here on is markup.
                        noMoreTags = true;
                        continue;
                    }

                    written = Blank(html, destination, copied, written, position);
                    copied = nextTag = end;
                }
                else if ((greaterThan & bit) != 0)
                {
                    if (openTag >= 0)
                    {
                        written = Blank(html, destination, copied, written, openTag);
                        copied = nextTag = position + 1;
                        openTag = -1;
                    }
                }
                else if (position >= nextEquals
                    && HtmlLinkAttributes.TryMatch(html, position, nameFrom, out var priority, out var valueStart, out var valueLength, out var valueEnd))
                {
                    var slot = attributes.Slice(count++ * IntsPerAttribute, IntsPerAttribute);
                    (slot[0], slot[1], slot[2]) = (priority, valueStart, valueLength);
                    nextEquals = nameFrom = valueEnd;
                }
            }
        }

        attributeCount = count;
        html.AsSpan(copied).CopyTo(destination[written..]);
        return written + html.Length - copied;
    }

    /// <summary>The length of the attribute list an HTML text of <paramref name="htmlLength"/> chars may need.</summary>
    /// <remarks>Every attribute takes at least "src=x" and its value ends where the next one's name may start.</remarks>
    public static int MaxAttributeInts(int htmlLength) => ((htmlLength / 4) + 1) * IntsPerAttribute;

    // The '<' marks and the '>' marks of the block of html at start (bit i for html[start + i]), and every '<', '>' and '='.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint LessThan, uint GreaterThan, uint Marks) MarksOf(string html, int start)
    {
        if (Vector256.IsHardwareAccelerated && start + BlockChars <= html.Length)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(html.AsSpan()));
            var block = Vector256.LoadUnsafe(ref chars, (nuint)start);
            var lessThan = Vector256.Equals(block, Vector256.Create((ushort)'<')).ExtractMostSignificantBits();
            var greaterThan = Vector256.Equals(block, Vector256.Create((ushort)'>')).ExtractMostSignificantBits();
            var equalsSign = Vector256.Equals(block, Vector256.Create((ushort)'=')).ExtractMostSignificantBits();
            return (lessThan, greaterThan, lessThan | greaterThan | equalsSign);
        }

        return ScalarMarksOf(html, start);
    }

    // The last block, shorter than BlockChars (or every block without Vector256), char by char.
    private static (uint LessThan, uint GreaterThan, uint Marks) ScalarMarksOf(string html, int start)
    {
        var (lessThan, greaterThan, marks) = (0u, 0u, 0u);
        var end = Math.Min(html.Length, start + BlockChars);
        for (var index = start; index < end; index++)
        {
            var bit = 1u << (index - start);
            var c = html[index];
            lessThan |= c == '<' ? bit : 0;
            greaterThan |= c == '>' ? bit : 0;
            marks |= c is '<' or '>' or '=' ? bit : 0;
        }

        return (lessThan, greaterThan, marks);
    }

    // The markup html[position..] up to the next mark becomes one space: the text before it (since copied) is copied,
    // and the new written length returned. Text between tags is mostly shorter than a block: copied as one block, the
    // chars past it overwritten by what is written next (or not part of the text).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Blank(string html, Span<char> destination, int copied, int written, int position)
    {
        var length = position - copied;
        if (Vector256.IsHardwareAccelerated && length <= BlockChars && copied + BlockChars <= html.Length && written + BlockChars <= destination.Length)
        {
            ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(html.AsSpan()));
            ref var target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
            Vector256.LoadUnsafe(ref source, (nuint)copied).StoreUnsafe(ref target, (nuint)written);
        }
        else
        {
            html.AsSpan(copied, length).CopyTo(destination[written..]);
        }

        written += length;
        destination[written] = ' ';
        return written + 1;
    }
}
