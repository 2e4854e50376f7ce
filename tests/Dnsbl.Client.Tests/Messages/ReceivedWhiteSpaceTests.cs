using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="ReceivedHeaderParser.CollapseWhiteSpace"/> against the <c>\s+</c> → " " replacement it replaced (the
/// oracle, kept only here), on generated text and on every Received header of the corpora.
/// </summary>
public sealed class ReceivedWhiteSpaceTests
{
    private static readonly Regex Oracle = new(@"\s+");

    private static readonly string[] Fragments = ["from", "by", " ", "  ", "\t", "\r\n", "\r\n\t", "\u00a0", "\u2003", "\u0085", "[1.2.3.4]", "(x)", ";", "é"];

    [Fact]
    public void CollapseWhiteSpace_GeneratedText_SameAsTheRegex()
    {
        foreach (var text in ScannerOracleTexts.Generated(Fragments, 5000, 51))
        {
            Assert.Equal(Oracle.Replace(text, " "), ReceivedHeaderParser.CollapseWhiteSpace(text));
        }
    }

    [Fact]
    public void CollapseWhiteSpace_CorpusReceivedHeaders_SameAsTheRegex()
    {
        var headers = 0;
        foreach (var message in ScannerOracleTexts.CorpusMessages())
        {
            foreach (var received in MessageContext.Parse(message).ReceivedHeaders)
            {
                Assert.Equal(Oracle.Replace(received, " "), ReceivedHeaderParser.CollapseWhiteSpace(received));
                headers++;
            }
        }

        Assert.True(headers > 100, $"only {headers} Received headers in the corpora");
    }

    [Fact]
    public void CollapseWhiteSpace_EveryChar_SameAsTheRegex()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = $"a{(char)c}{(char)c}b{(char)c}";
            Assert.Equal(Oracle.Replace(text, " "), ReceivedHeaderParser.CollapseWhiteSpace(text));
        }
    }

    // The collapse copies runs of ' '..U+0084 without a double space whole: chars at and beyond both ends of that range,
    // spaces in every position around them, long and short runs.
    [Fact]
    public void CollapseWhiteSpace_RandomTextAroundTheCopiedRange_SameAsTheRegex()
    {
        const string Alphabet = "  \t\r\n\u001f!~\u007f\u0084\u0085\u00a0\u2028xyz;";
        var random = new Random(77);
        var chars = new char[120];
        for (var round = 0; round < 20_000; round++)
        {
            var length = random.Next(chars.Length);
            for (var i = 0; i < length; i++)
            {
                chars[i] = round % 3 == 0 && random.Next(4) > 0 ? 'a' : Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars, 0, length);
            Assert.Equal(Oracle.Replace(text, " "), ReceivedHeaderParser.CollapseWhiteSpace(text));
        }
    }

    [Fact]
    public void CollapseWhiteSpace_SingleSpacesOnly_ReturnsTheSameInstance()
    {
        const string header = "from a (b [1.2.3.4]) by c";
        Assert.Same(header, ReceivedHeaderParser.CollapseWhiteSpace(header));
    }
}
