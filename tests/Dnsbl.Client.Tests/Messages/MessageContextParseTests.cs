using System.Text;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class MessageContextParseTests
{
    [Fact]
    public void Parse_AddressHeaders_TakeAddressOnly()
    {
        var context = MessageContext.Parse(Corpus.Text("obfuscated-links.eml"));
        Assert.Equal("lucky@prize-notify.com", context.HeaderFrom);
        Assert.Equal("claims@payout-desk.net", context.ReplyTo);
        Assert.Null(context.MailFrom);
        Assert.Null(context.ConnectingAddress);
    }

    [Fact]
    public void Parse_ReturnPath_IsMailFrom()
        => Assert.Equal("bounce@lists.sender.org", MessageContext.Parse(Corpus.Text("trusted-relays.eml")).MailFrom);

    [Fact]
    public void Parse_FoldedReceived_IsUnfoldedInOrder()
    {
        var context = MessageContext.Parse(Corpus.Text("trusted-relays.eml"));
        Assert.Equal(5, context.ReceivedHeaders.Count);
        Assert.StartsWith("from filter.corp.test (filter.corp.test [10.1.2.3])\tby mx2.corp.test", context.ReceivedHeaders[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\n', context.ReceivedHeaders[0]);
    }

    [Fact]
    public void Parse_MultipartAlternative_DecodesQuotedPrintableAndBase64()
    {
        var context = MessageContext.Parse(Corpus.Text("multipart-base64.eml"));
        Assert.Equal("Grüße! Visit www.plain-part.com today.\n", context.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("href=\"https://click.base64-link.com/?u=1&amp;v=2\"", context.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(context.Problems);
    }

    [Fact]
    public async Task ParseAsync_Utf8QuotedPrintableHtml_DecodesCharset()
    {
        await using var stream = File.OpenRead(Corpus.Path("idn.eml"));
        var context = await MessageContext.ParseAsync(stream, CancellationToken.None);
        Assert.Contains("http://bücher-shop.de/angebot", context.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("münchen.example.org", context.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("info@bücher.example.com", context.HeaderFrom);
    }

    [Fact]
    public void Parse_MalformedMessage_RecordsProblemsWithoutThrowing()
    {
        var context = MessageContext.Parse(Corpus.Text("malformed-received.eml"));
        Assert.Equal(4, context.ReceivedHeaders.Count);
        Assert.Null(context.MailFrom);
        Assert.Equal(string.Empty, context.HeaderFrom);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.MalformedHeader && problem.Detail == "no colon on this line");
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.MalformedMime);
    }

    [Fact]
    public void Parse_UnknownCharset_FallsBackAndReports()
    {
        var context = MessageContext.Parse("Content-Type: text/plain; charset=x-klingon\r\n\r\nplain words\r\n");
        Assert.Equal("plain words\r\n", context.TextBody);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.UnknownCharset);
    }

    [Fact]
    public async Task ParseAsync_Latin1EightBitBody_UsesDeclaredCharset()
    {
        var bytes = Encoding.Latin1.GetBytes("Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nS\u00fc\u00df\r\n");
        var context = await MessageContext.ParseAsync(new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal("S\u00fc\u00df\r\n", context.TextBody);
    }

    [Fact]
    public void Parse_CodePageCharset_IsDecoded()
    {
        var context = MessageContext.Parse("Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=80 5\r\n");
        Assert.Equal("\u20ac 5\r\n", context.TextBody);
    }

    [Fact]
    public void Parse_BrokenBase64_KeepsDecodablePart()
    {
        var context = MessageContext.Parse("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8g!!d29ybGQ\r\n");
        Assert.Equal("hello world", context.TextBody);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.BadTransferEncoding);
    }

    [Fact]
    public void Parse_TooManyReceived_KeepsLimitAndReports()
    {
        var text = string.Concat(Enumerable.Repeat("Received: from a (a [81.2.69.1]) by b\r\n", 150)) + "\r\nbody";
        var context = MessageContext.Parse(text);
        Assert.Equal(100, context.ReceivedHeaders.Count);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.TooManyHeaders);
    }

    [Fact]
    public async Task ParseAsync_OverSizeLimit_TruncatesAndReports()
    {
        var body = new string('a', (10 * 1024 * 1024) + 10);
        var context = await MessageContext.ParseAsync(new MemoryStream(Encoding.ASCII.GetBytes("Subject: big\r\n\r\n" + body)), CancellationToken.None);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.Truncated);
        Assert.True(context.TextBody!.Length < body.Length);
    }

    [Fact]
    public async Task ParseAsync_NextMessageReusesPooledBuffers_EarlierContextKeepsItsText()
    {
        // The message's bytes and chars live in pooled buffers returned after parsing: nothing kept may point into them.
        static string Message(char fill) =>
            $"Received: from {fill}{fill}.test ({fill}{fill}.test [81.2.69.1]) by mx.test; Mon, 2 Jan 2026 10:00:00 +0000\r\nFrom: a@{fill}.test\r\n" +
            $"bad header line {fill}\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
            $"text {new string(fill, 300)}\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>{new string(fill, 300)}</p>\r\n--b--\r\n";
        var first = await MessageContext.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(Message('x'))), CancellationToken.None);
        var expected = (first.TextBody, first.HtmlBody, first.HeaderFrom, Received: first.ReceivedHeaders[0], Headers: string.Join("|", first.Headers), Problems: string.Join("|", first.Problems));

        for (var i = 0; i < 3; i++)
        {
            _ = await MessageContext.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(Message('y'))), CancellationToken.None);
        }

        Assert.Equal(expected, (first.TextBody, first.HtmlBody, first.HeaderFrom, first.ReceivedHeaders[0], string.Join("|", first.Headers), string.Join("|", first.Problems)));
        Assert.Equal("text " + new string('x', 300), first.TextBody);
    }

    [Fact]
    public void Parse_TooManyHeaders_ReportsOnceAndKeepsFirst()
    {
        var text = "From: a@first.com\r\n" + string.Concat(Enumerable.Repeat("X-Filler: x\r\n", 2500)) + "\r\nbody";
        var context = MessageContext.Parse(text);
        Assert.Equal("a@first.com", context.HeaderFrom);
        Assert.Single(context.Problems, problem => problem.Kind == MessageProblemKind.TooManyHeaders);
    }

    [Fact]
    public void Parse_TextAttachmentPart_IsScannedButBinaryIsNot()
    {
        // SpamAssassin renders every text leaf, attachments included, for its URI scan; binary parts are not text.
        const string Text = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"x.txt\"\r\n\r\nattached.com\r\n--b\r\nContent-Type: application/pdf\r\n\r\nbinary.com\r\n--b--\r\n";
        Assert.Equal("body\nattached.com", MessageContext.Parse(Text).TextBody);
    }

    [Fact]
    public void Parse_RandomGarbage_NeverThrowsAndStaysWithinItsLimits()
    {
        var random = new Random(1234);
        var seed = Corpus.Text("multipart-base64.eml");
        for (var round = 0; round < 300; round++)
        {
            var chars = seed.ToCharArray();
            for (var i = 0; i < 20; i++)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
            }

            var text = new string(chars, 0, random.Next(chars.Length));
            var context = MessageContext.Parse(text);

            // Whatever the damage: bounded Received chain, bodies no longer than the message, only known problem kinds.
            Assert.InRange(context.ReceivedHeaders.Count, 0, MessageConstants.MaxReceivedHeaders);
            Assert.InRange(context.TextBody?.Length ?? 0, 0, text.Length);
            Assert.InRange(context.HtmlBody?.Length ?? 0, 0, text.Length);
            Assert.All(context.Problems, problem => Assert.True(Enum.IsDefined(problem.Kind), problem.ToString()));
        }
    }
}
