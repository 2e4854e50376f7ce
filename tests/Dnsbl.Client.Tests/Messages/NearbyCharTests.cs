using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary><see cref="NearbyChar.IndexOf"/> against the library search: every start in texts of every length up to 150
/// (past the 64 chars compared inline).</summary>
public sealed class NearbyCharTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void IndexOf_EveryStartOfGeneratedTexts_SameAsTheLibrarySearch(int seed)
    {
        var random = new Random(seed);
        for (var length = 0; length <= 150; length++)
        {
            // Few '<' (none in some texts), at any place: inside the inline 64 chars, past them, or absent.
            var text = new string([.. Enumerable.Range(0, length).Select(_ => random.Next(length > 70 ? 60 : 12) == 0 ? '<' : (char)random.Next('a', 'f'))]);
            for (var from = 0; from <= length; from++)
            {
                var expected = text.AsSpan(from).IndexOf('<');
                Assert.Equal(expected < 0 ? -1 : from + expected, NearbyChar.IndexOf(text, '<', from));
            }
        }
    }

    [Fact]
    public void IndexOf_CharWithHighByte_FoundOnlyWhereItIs()
    {
        // U+3C3C shares its low byte with '<': a compare of packed bytes would find it.
        var text = new string('\u3c3c', 40) + "<";
        Assert.Equal(40, NearbyChar.IndexOf(text, '<', 0));
        Assert.Equal(40, NearbyChar.IndexOf(text + new string('x', 20), '<', 3));
    }
}
