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

    /// <summary>
    /// As <see cref="ReplaceWithSpaces(string, Span{char})"/>, and finds the attributes <see cref="HtmlLinkAttributes.Find"/>
    /// finds, in its order: each one's priority, value start and value length in <paramref name="attributes"/>
    /// (<see cref="MaxAttributeInts"/> of the HTML's length are enough).
    /// </summary>
    /// <remarks>
    /// Both scans go from '&lt;' to '&lt;' and from '=' to '=', each with its own resume point (an attribute's quoted value
    /// may hold a '&lt;', a comment an '='); one vectorised walk visits the two marks in order, where the two scans made a
    /// search call per tag and per attribute. It visits the '&gt;' marks too: a plain tag ends at the first one after its
    /// '&lt;', which the walk reaches anyway, so most tags need no search of their own.
    /// </remarks>
    public static int ReplaceWithSpaces(string html, Span<char> destination, Span<int> attributes, out int attributeCount)
    {
        var walk = new MarkupWalk(html, destination, attributes);
        var index = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(html.AsSpan()));
            var (lessThan, equalsSign, greaterThan) = (Vector256.Create((ushort)'<'), Vector256.Create((ushort)'='), Vector256.Create((ushort)'>'));
            for (; index + Vector256<ushort>.Count <= html.Length; index += Vector256<ushort>.Count)
            {
                var block = Vector256.LoadUnsafe(ref chars, (nuint)index);
                var found = (Vector256.Equals(block, lessThan) | Vector256.Equals(block, equalsSign) | Vector256.Equals(block, greaterThan))
                    .ExtractMostSignificantBits();
                for (; found != 0; found &= found - 1)
                {
                    walk.Visit(index + BitOperations.TrailingZeroCount(found));
                }
            }
        }

        for (; index < html.Length; index++)
        {
            if (html[index] is '<' or '=' or '>')
            {
                walk.Visit(index);
            }
        }

        attributeCount = walk.AttributeCount;
        return walk.Finish();
    }

    /// <summary>The length of the attribute list an HTML text of <paramref name="htmlLength"/> chars may need.</summary>
    /// <remarks>Every attribute takes at least "src=x" and its value ends where the next one's name may start.</remarks>
    public static int MaxAttributeInts(int htmlLength) => ((htmlLength / 4) + 1) * IntsPerAttribute;

    private ref struct MarkupWalk(string html, Span<char> destination, Span<int> attributes)
    {
        private readonly string html = html;
        private readonly Span<char> destination = destination;
        private readonly Span<int> attributes = attributes;
        private EndSearches searches = new();
        private int written;
        private int copied;
        private int nextTag;
        private int openTag = -1;
        private bool noMoreTags;
        private int nextEquals;
        private int nameFrom;

        public int AttributeCount { get; private set; }

        // html[position] is '<', '=' or '>', visited in order.
        public void Visit(int position)
        {
            var mark = html[position];
            if (mark == '<')
            {
                if (!noMoreTags && openTag < 0 && position >= nextTag)
                {
                    VisitTag(position);
                }
            }
            else if (mark == '>')
            {
                if (openTag >= 0)
                {
                    Blank(openTag, position + 1);
                    openTag = -1;
                }
            }
            else if (position >= nextEquals && HtmlLinkAttributes.TryMatch(html, position, nameFrom, out var priority, out var valueStart, out var valueLength, out var end))
            {
                var slot = attributes.Slice(AttributeCount++ * IntsPerAttribute, IntsPerAttribute);
                (slot[0], slot[1], slot[2]) = (priority, valueStart, valueLength);
                nextEquals = nameFrom = end;
            }
        }

        public readonly int Finish()
        {
            html.AsSpan(copied).CopyTo(destination[written..]);
            return written + html.Length - copied;
        }

        // A tag left open at the end had no '>' after it: as MatchAt's NoMoreTags, nothing from it on is markup.
        private void VisitTag(int position)
        {
            // A plain tag (as MatchAt tells them) ends at the next '>' the walk visits.
            if (IsPlainTag(html, position))
            {
                openTag = position;
                return;
            }

            var end = MatchAt(html, position, ref searches);
            if (end == NoMoreTags)
            {
                noMoreTags = true;
                return;
            }

            Blank(position, end);
        }

        // The markup html[position..end] becomes one space.
        private void Blank(int position, int end)
        {
            html.AsSpan(copied, position - copied).CopyTo(destination[written..]);
            written += position - copied;
            destination[written++] = ' ';
            copied = nextTag = end;
        }
    }
}
