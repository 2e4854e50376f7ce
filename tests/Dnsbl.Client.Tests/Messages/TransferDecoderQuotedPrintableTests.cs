using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Messages.Oracles;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The quoted-printable decoder copies plain ASCII runs in one step; it must write the same bytes as the one-char-at-a-time
/// decoder it replaced (<see cref="CharByCharQuotedPrintable"/>) on every input, malformed escapes and non-ASCII text included.
/// </summary>
public sealed class TransferDecoderQuotedPrintableTests
{
    [Theory]
    [InlineData("plain text only")]
    [InlineData("caf=C3=A9 =3D=\r\nsoft break")]
    [InlineData("=")]
    [InlineData("x=")]
    [InlineData("x=4")]
    [InlineData("=ZZ bad escape =4g")]
    [InlineData("=\rlone CR =\nlone LF")]
    [InlineData("Latin-1 é ÿ and € and \uD83D\uDE00")]
    [InlineData("\uD800 lone surrogate")]
    public void DecodeQuotedPrintable_Input_SameBytesAsCharByCharDecoder(string raw)
    {
        AssertSame(raw, textIsRawBytes: true);
        AssertSame(raw, textIsRawBytes: false);
    }

    [Fact]
    public void DecodeQuotedPrintable_RandomInputs_SameBytesAsCharByCharDecoder()
    {
        var random = new Random(15);
        const string alphabet = "ab =\r\n3DFz\t.é\u00FF€\uD83D";
        var chars = new char[80];
        for (var round = 0; round < 20_000; round++)
        {
            var length = random.Next(chars.Length);
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var raw = new string(chars, 0, length);
            AssertSame(raw, textIsRawBytes: round % 2 == 0);
        }
    }

    // Long plain runs with a rare escape, soft break or non-ASCII char: the 16-char chunks see their stop at every place
    // in a chunk, at a chunk's end and in the part's last chunk of fewer than 16 chars.
    [Fact]
    public void DecodeQuotedPrintable_LongRunsWithRareStops_SameBytesAsCharByCharDecoder()
    {
        var random = new Random(16);
        string[] stops = ["=3D", "=\r\n", "=", "=4", "é", "\u20AC", "\uD83D\uDE00", "=C3=A9", "\u007F", "\u0080"];
        var text = new System.Text.StringBuilder();
        for (var round = 0; round < 5_000; round++)
        {
            text.Clear();
            var pieces = random.Next(1, 6);
            for (var piece = 0; piece < pieces; piece++)
            {
                text.Append('a', random.Next(0, 40));
                text.Append(stops[random.Next(stops.Length)]);
            }

            text.Append('z', random.Next(0, 20));
            AssertSame(text.ToString(), textIsRawBytes: round % 2 == 0);
        }
    }

    private static void AssertSame(string raw, bool textIsRawBytes)
    {
        var expected = new byte[TransferDecoder.QuotedPrintableCapacity(raw.Length) + 4];
        var actual = new byte[expected.Length];

        var expectedLength = CharByCharQuotedPrintable.Decode(raw, textIsRawBytes, expected);
        var actualLength = TransferDecoder.DecodeQuotedPrintable(raw, textIsRawBytes, actual);

        Assert.Equal(expected.AsSpan(0, expectedLength).ToArray(), actual.AsSpan(0, actualLength).ToArray());
    }
}
