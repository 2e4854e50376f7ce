using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The plain-link shortcut's one vector pass over a link after its scheme (<see cref="LinkCollector.PlainRestHostLength"/>)
/// against the two searches it stands for: every char printable ASCII but for '%', '(', '*', ':', '@', '[', '\' and '{'
/// (and '&amp;' in markup), and the host up to the first '/', '?' or '#'; over generated texts of every length around the
/// block size, with a char it refuses or a host end at every position (the last block overlaps the one before).
/// </summary>
public sealed class LinkCollectorPlainRestTests
{
    private const string Refused = "%(*:@[\\{";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PlainRestHostLength_GeneratedTexts_SameAsTheTwoSearches(bool markup)
    {
        var random = new Random(markup ? 11 : 12);
        char[] plain = [.. "abcxyzABZ019.-_~!\"$')+,;<=>]^`|}&", '/', '?', '#'];
        char[] odd = [.. Refused, '&', ' ', '\t', '\r', '\n', '\0', '\u007f', 'é', '\u2003', '\uff0f', '\u0130', (char)0x20, (char)0x21, (char)0x7e];
        var (refusedSeen, hostEndsSeen) = (0, 0);
        for (var i = 0; i < 40_000; i++)
        {
            var text = new char[random.Next(0, 70)];
            for (var at = 0; at < text.Length; at++)
            {
                text[at] = random.Next(200) == 0 ? odd[random.Next(odd.Length)] : Pick(random, plain, allowEnds: random.Next(12) == 0);
            }

            var expected = Expected(text, markup);
            Assert.Equal(expected, LinkCollector.PlainRestHostLength(text, markup));
            refusedSeen += expected < 0 ? 1 : 0;
            hostEndsSeen += expected >= 0 && expected < text.Length ? 1 : 0;
        }

        Assert.True(refusedSeen > 1000 && hostEndsSeen > 1000, $"{refusedSeen} refused, {hostEndsSeen} host ends");
    }

    private static char Pick(Random random, char[] chars, bool allowEnds)
    {
        var c = chars[random.Next(chars.Length)];
        return allowEnds || c is not ('/' or '?' or '#') ? c : 'h';
    }

    private static int Expected(ReadOnlySpan<char> text, bool markup)
    {
        foreach (var c in text)
        {
            if (c is < '!' or > '~' || Refused.Contains(c, StringComparison.Ordinal) || (markup && c == '&'))
            {
                return -1;
            }
        }

        var end = text.IndexOfAny('/', '?', '#');
        return end < 0 ? text.Length : end;
    }
}
