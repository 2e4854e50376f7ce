using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// HeaderBlock makes each field value from its range of the text (no builder): unfolded, the '\r's before each line break
/// dropped, trimmed of white space at both ends; common names are shared strings with the text's own case.
/// </summary>
public sealed class HeaderBlockTests
{
    [Theory]
    [InlineData("Subject: plain\r\n\r\nbody", "plain")]
    [InlineData("Subject:   spaced out  \t\r\n\r\n", "spaced out")]
    [InlineData("Subject: folded\r\n\tonce\r\n\r\n", "folded\tonce")]
    [InlineData("Subject: folded\n  twice\n more\n\n", "folded  twice more")]
    [InlineData("Subject: extra returns\r\r\n next\r\r\n\r\n", "extra returns next")]
    [InlineData("Subject: inner\rreturn\r\n\r\n", "inner\rreturn")]
    [InlineData("Subject:\r\n   \r\n\tvalue after blank fold\r\n\r\n", "value after blank fold")]
    [InlineData("Subject: trailing fold\r\n \t \r\n\r\n", "trailing fold")]
    [InlineData("Subject:\r\n\r\n", "")]
    [InlineData("Subject : obsolete\r\n\r\n", "obsolete")]
    [InlineData("Subject: no body", "no body")]
    [InlineData("Subject: folded at the end\r\n more", "folded at the end more")]
    public void Read_FieldValue_UnfoldedAndTrimmed(string text, string expected)
    {
        var (fields, _) = HeaderBlock.Read(text, []);

        var field = Assert.Single(fields);
        Assert.Equal("Subject", field.Key);
        Assert.Equal(expected, field.Value);
    }

    [Fact]
    public void Read_SeveralFolds_EachFieldItsOwnValue()
    {
        const string text = "Received: from a\r\n\tby b;\r\n date\r\nX-Odd-Name: one\r\n  two\r\nreceived: lower\r\n\r\nbody";

        var (fields, bodyStart) = HeaderBlock.Read(text, []);

        KeyValuePair<string, string>[] expected = [new("Received", "from a\tby b; date"), new("X-Odd-Name", "one  two"), new("received", "lower")];
        Assert.Equal(expected, fields);
        Assert.Equal("body", text[bodyStart..]);
    }

    [Fact]
    public void Read_FoldBeforeAnyField_Dropped()
    {
        var problems = new List<MessageProblem>();

        var (fields, _) = HeaderBlock.Read(" stray fold\r\nSubject: kept\r\n\r\n", problems);

        Assert.Equal([new KeyValuePair<string, string>("Subject", "kept")], fields);
    }

    [Fact]
    public void Read_MalformedLineBetweenFields_EndsTheFieldBefore()
    {
        var problems = new List<MessageProblem>();

        var (fields, _) = HeaderBlock.Read("Subject: one\r\nnot a field\r\n continued\r\nTo: two\r\n\r\n", problems);

        KeyValuePair<string, string>[] expected = [new("Subject", "one"), new("To", "two")];
        Assert.Equal(expected, fields);
        Assert.Contains(problems, problem => problem.Kind == MessageProblemKind.MalformedHeader);
    }

    [Fact]
    public void FieldNameLength_GeneratedLines_SameAsTrimAndSearch()
    {
        // The reading it replaced: the name is the text before the first ':' less trailing blanks, and a field line's
        // name is not empty before that trim and holds no blank after it.
        string[] pieces = ["Subject", "X-A", ":", " ", "\t", "\r", "a b", "From ", "-", "é", "\u00a0", "::", "v"];
        var random = new Random(5322);
        var line = new System.Text.StringBuilder();
        for (var round = 0; round < 20_000; round++)
        {
            line.Clear();
            for (var count = random.Next(1, 7); count > 0; count--)
            {
                line.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = line.ToString();
            if (text[0] is ' ' or '\t')
            {
                continue; // a continuation line: never asked
            }

            var colon = text.IndexOf(':');
            var name = colon > 0 ? text.AsSpan(0, colon).TrimEnd(" \t") : default;
            var expected = colon > 0 && !name.ContainsAny(' ', '\t') ? name.Length : -1;
            Assert.True(expected == HeaderBlock.FieldNameLength(text, out var actualColon), text);
            Assert.True(expected < 0 || actualColon == colon, text);
        }
    }
}
