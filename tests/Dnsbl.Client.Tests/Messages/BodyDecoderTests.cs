using System.Text;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// Seven-bit parts in a charset that keeps ASCII as it is are kept as their chars without a round trip through bytes, and
/// the commonest charsets are looked up once; both must give what the general path gives.
/// </summary>
public sealed class BodyDecoderTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    [InlineData(" \"utf-8\" ")]
    [InlineData("us-ascii")]
    [InlineData("US-ASCII")]
    [InlineData("iso-8859-1")]
    [InlineData("ISO-8859-1")]
    public void FindEncoding_CommonName_SameAsLookupByName(string charset)
    {
        var found = BodyDecoder.FindEncoding(charset);
        var byName = BodyDecoder.FindEncodingByName(charset.Trim().Trim('"'));
        Assert.NotNull(found);
        Assert.Same(byName, found);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("utf-8", "")]
    [InlineData("us-ascii", "")]
    [InlineData("windows-1252", "")]
    [InlineData("iso-8859-15", "")]
    [InlineData("x-no-such-charset", "x-no-such-charset")]
    public void Decode_SevenBitRawBytes_SameTextAndProblemsAsBytePath(string? charset, string unknownCharsetProblem)
    {
        const string raw = "plain\r\nascii \t text = with =3D no escape ~\u007f\u0001";
        var problems = new List<MessageProblem>();

        var text = BodyDecoder.Decode(raw, "7bit", charset, textIsRawBytes: true, problems);

        var expectedProblems = new List<MessageProblem>();
        Assert.Equal(BodyDecoder.DecodeCharset(Encoding.Latin1.GetBytes(raw), charset, expectedProblems), text);
        Assert.Equal(expectedProblems, problems);
        Assert.Equal(unknownCharsetProblem, problems.SingleOrDefault()?.Detail ?? "");
    }

    [Theory]
    [InlineData("utf-16")] // not ASCII-transparent: decoded as its bytes say
    [InlineData("utf-8")] // 8-bit content: decoded as UTF-8
    public void Decode_NotAsciiTransparentOrEightBit_DecodedThroughBytes(string charset)
    {
        var raw = charset == "utf-8" ? Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("café")) : "ab";
        var expected = Encoding.GetEncoding(charset).GetString(Encoding.Latin1.GetBytes(raw));

        Assert.Equal(expected, BodyDecoder.Decode(raw, "8bit", charset, textIsRawBytes: true, []));
    }
}
