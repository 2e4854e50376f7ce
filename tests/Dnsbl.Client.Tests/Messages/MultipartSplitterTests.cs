using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Messages.Oracles;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The multipart splitter finds delimiter lines by searching for the delimiter; it must give the same parts and flags as
/// the line-by-line walker it replaced (<see cref="LineWalkingMultipartSplitter"/>) on every body, malformed ones included.
/// </summary>
public sealed class MultipartSplitterTests
{
    [Theory]
    [InlineData("--b\r\nContent-Type: text/plain\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--\r\nepilogue")]
    [InlineData("preamble\n--b\nx\n--b--")]
    [InlineData("no boundary at all")]
    [InlineData("part before a closing boundary only\r\n--b--\r\n")]
    [InlineData("--b \t\r\nspace after the delimiter\r\n--b--  \r\n")]
    [InlineData("x--b\r\n --b\r\n--bb\r\n--b-\r\n--b---\r\n--b")]
    [InlineData("--b\r\nnever closed\r\n")]
    [InlineData("--b")]
    [InlineData("")]
    public void Split_Body_SameAsLineWalker(string body) => AssertSame(body, "b");

    [Fact]
    public void Split_RandomBodies_SameAsLineWalker()
    {
        var random = new Random(2046);
        string[] lines = ["--b", "--b--", "--b ", "--b\t", "--b\r", "--bx", "--b--x", "--b---", " --b", "x--b", "--", "-", "text", "", "\r", "--b--\t\r"];
        string[] breaks = ["\r\n", "\n", "\r", ""];
        var text = new System.Text.StringBuilder();
        for (var round = 0; round < 20_000; round++)
        {
            text.Clear();
            var count = random.Next(8);
            for (var i = 0; i < count; i++)
            {
                text.Append(lines[random.Next(lines.Length)]).Append(breaks[random.Next(breaks.Length)]);
            }

            AssertSame(text.ToString(), round % 5 == 0 ? "b " : "b");
        }
    }

    [Fact]
    public void Split_CorpusBodies_SameAsLineWalker()
    {
        var compared = 0;
        foreach (var message in ScannerOracleTexts.CorpusMessages())
        {
            foreach (var boundary in Boundaries(message))
            {
                AssertSame(message, boundary);
                compared++;
            }
        }

        Assert.True(compared >= 5, $"only {compared} multipart bodies compared");
    }

    private static IEnumerable<string> Boundaries(string message)
    {
        const string Marker = "boundary=";
        for (var at = message.IndexOf(Marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = message.IndexOf(Marker, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var value = message.AsSpan(at + Marker.Length);
            var end = value.IndexOfAny("\r\n;");
            value = (end < 0 ? value : value[..end]).Trim().Trim('"');
            if (!value.IsEmpty)
            {
                yield return value.ToString();
            }
        }
    }

    private static void AssertSame(string body, string boundary)
    {
        var expected = LineWalkingMultipartSplitter.Split(body, boundary, out var expectedClosed, out var expectedOpened);
        var actual = MultipartSplitter.Split(body, boundary, out var closed, out var opened);
        Assert.Equal(Describe(body, expected, expectedClosed, expectedOpened), Describe(body, actual, closed, opened));
    }

    private static string Describe(string body, List<Range> parts, bool closed, bool opened) =>
        $"closed={closed} opened={opened} parts=[{string.Join("|", parts.Select(range => range.GetOffsetAndLength(body.Length).ToString()))}]";
}
