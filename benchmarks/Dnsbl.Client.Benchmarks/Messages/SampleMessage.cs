using System.Globalization;
using System.Text;

namespace Dnsbl.Client.Benchmarks.Messages;

/// <summary>
/// A real-shaped newsletter of a given size: five Received hops (Postfix, Exim, Gmail, Microsoft 365 shapes), DKIM, an
/// X-Originating-IP, and a multipart/alternative body whose quoted-printable HTML and text parts carry links.
/// </summary>
internal static class SampleMessage
{
    public static byte[] Build(int targetBytes)
    {
        var text = new StringBuilder();
        text.Append("Received: from mail-ed1-f41.google.com (mail-ed1-f41.google.com [209.85.208.41])\r\n\tby mx.local.test (Postfix) with ESMTPS id 4N2x; Mon, 2 Jan 2026 10:00:04 +0000 (UTC)\r\n");
        text.Append("Received: from relay.sender-news.net ([81.2.69.160] helo=relay.sender-news.net)\r\n\tby mail-ed1-f41.google.com with esmtps (Exim 4.96) id 1abc-000; Mon, 02 Jan 2026 10:00:03 +0000\r\n");
        text.Append("Received: from EUR05-AM6-obe.outbound.protection.outlook.com (40.107.22.50) by AM6PR05MB1234.eurprd05.prod.outlook.com\r\n (2603:10a6:20b:1::1) with Microsoft SMTP Server (version=TLS1_2) id 15.20.7633.10; Mon, 2 Jan 2026 10:00:02 +0000\r\n");
        text.Append("Received: from unknown (HELO pc-42) (175.45.176.3)\r\n  by mail.sender-news.net with SMTP; 2 Jan 2026 10:00:01 -0000\r\n");
        text.Append("Received: (qmail 12345 invoked by uid 89); 2 Jan 2026 10:00:00 -0000\r\n");
        text.Append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=sender-news.net; s=s1; h=from:to:subject; bh=abc=; b=def=\r\n");
        text.Append("X-Originating-IP: [89.160.20.112]\r\nReturn-Path: <bounce@sender-news.net>\r\nFrom: News <news@sender-news.net>\r\nReply-To: reply@sender-news.net\r\n");
        text.Append("Subject: Weekly news\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        var paragraph = 0;
        while (text.Length < targetBytes / 2)
        {
            text.Append(CultureInfo.InvariantCulture, $"Story {paragraph}: read more at https://www.news-site{paragraph % 12}.net/story/{paragraph}?utm=mail or write to desk{paragraph}@sender-news.net.\r\n");
            paragraph++;
        }

        text.Append("--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body>\r\n");
        paragraph = 0;
        while (text.Length < targetBytes - 200)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p>Story {paragraph}: <a href=3D\"https://track.mailer-cdn{paragraph % 15}.com/c/{paragraph}\">read more</a> <img src=3D\"https://img.cdn-host{paragraph % 5}.net/{paragraph}.png\"></p>\r\n");
            paragraph++;
        }

        text.Append("</body></html>\r\n--alt--\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
