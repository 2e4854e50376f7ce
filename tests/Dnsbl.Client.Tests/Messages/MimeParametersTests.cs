using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Messages.Oracles;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// MIME parameters are read on demand by a scan of the header; they must read as the dictionary-building reader they
/// replaced (<see cref="DictionaryMimeParameters"/>) on every header, malformed and non-ASCII ones included.
/// </summary>
public sealed class MimeParametersTests
{
    private static readonly string[] Names = ["charset", "boundary", "CHARSET", "name", "", "x"];

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData(" Multipart/Alternative ;\tboundary=\"a;b=c\" ; charset = \"x\\\"y\" ")]
    [InlineData("TEXT/HTML; charset=one; Charset=two")]
    [InlineData("text/plain; =x; charset")]
    [InlineData("\"quoted;type\"; boundary=b")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("te\u212Ast/plain")]
    [InlineData("\u0130MAGE/PNG; name=\"\"")]
    public void Parse_Header_ReadsAsDictionaryReader(string? header) => AssertSame(header);

    [Fact]
    public void Parse_RandomHeaders_ReadAsDictionaryReader()
    {
        var random = new Random(2045);
        string[] pieces = ["text/plain", "TEXT/Html", " ", "\t", ";", "=", "\"", "\\\"", "charset", "Boundary", "name", "utf-8", "a;b", "x", "\u212A", "\u0130", "7BIT", "base64"];
        var text = new System.Text.StringBuilder();
        for (var round = 0; round < 20_000; round++)
        {
            text.Clear();
            for (var i = random.Next(10); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            AssertSame(text.ToString());
        }
    }

    [Fact]
    public void Parse_CorpusHeaders_ReadAsDictionaryReader()
    {
        var compared = 0;
        foreach (var message in ScannerOracleTexts.CorpusMessages())
        {
            foreach (var line in message.Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon] is var name &&
                    (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
                {
                    AssertSame(line[(colon + 1)..]);
                    compared++;
                }
            }
        }

        Assert.True(compared >= 50, $"only {compared} headers compared");
    }

    private static void AssertSame(string? header)
    {
        var expected = DictionaryMimeParameters.Parse(header);
        var actual = MimeParameters.Parse(header);
        Assert.Equal(expected.Value, actual.Value);
        foreach (var name in Names)
        {
            Assert.Equal(expected[name], actual[name]);
        }
    }
}
