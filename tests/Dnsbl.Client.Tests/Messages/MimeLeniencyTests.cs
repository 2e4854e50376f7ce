using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class MimeLeniencyTests
{
    [Fact]
    public void Parse_MultipartWithoutOpeningBoundary_ReadsBodyAndReportsIt()
    {
        var context = MessageContext.Parse("Content-Type: multipart/alternative; boundary=\"b1\"\n\nVisit http://lost-link.net/ now\n--b1--\n");
        Assert.Contains("lost-link.net", context.TextBody, StringComparison.Ordinal);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.MalformedMime && problem.Detail.Contains("opening", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PartHeaderWithoutEmptyLine_BodyKept()
    {
        var message = "Content-Type: multipart/mixed; boundary=b2\n\n--b2\nContent-Type: text/html\n   \n<a href=\"http://part-link.net/\">x</a>\n--b2--\n";
        var context = MessageContext.Parse(message);
        Assert.Contains("part-link.net", context.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedPrintableHtmlAndTextAttachment_BothScanned()
    {
        var message = "Content-Type: multipart/mixed; boundary=b3\n\n--b3\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n<a href=3D\"http://qp-link.net/\">x</a>\n--b3\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\nsee http://attached-link.net/\n--b3--\n";
        var context = MessageContext.Parse(message);
        Assert.Contains("http://qp-link.net/", context.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("attached-link.net", context.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_UsAsciiDeclaredForUtf8_ReadAsUtf8AndReported()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("Content-Type: text/plain; charset=us-ascii\n\nGrüße von http://umlaut-link.net/\n");
        var context = await MessageContext.ParseAsync(new MemoryStream(bytes));
        Assert.Contains("Grüße", context.TextBody, StringComparison.Ordinal);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.UnknownCharset);
    }

    [Fact]
    public void Parse_MultipartWithoutBoundaryParameter_ReadAsOneTextPartAndReported()
    {
        var context = MessageContext.Parse("Content-Type: multipart/mixed\n\nSee http://no-boundary-link.net/ now\n");
        Assert.Contains("no-boundary-link.net", context.TextBody, StringComparison.Ordinal);
        Assert.Contains(context.Problems, problem => problem.Kind == MessageProblemKind.MalformedMime && problem.Detail.Contains("without boundary", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AttachedMessage_ItsBodyIsScannedAndItsReceivedIsNoRelay()
    {
        var message = "Content-Type: multipart/report; boundary=r1\n\n--r1\nContent-Type: text/plain\n\nDelivery failed.\n--r1\n" +
            "Content-Type: message/rfc822\n\nReceived: from x (x [203.0.113.9]) by mx.example.org\nSubject: hi\n\nvisit http://returned-link.net/\n--r1--\n";
        var context = MessageContext.Parse(message);
        Assert.Contains("returned-link.net", context.TextBody, StringComparison.Ordinal);
        Assert.Empty(context.ReceivedHeaders);
    }
}
