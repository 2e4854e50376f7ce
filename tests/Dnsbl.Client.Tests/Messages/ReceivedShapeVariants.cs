using System.Text;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// Generated Received headers in the common shapes (Postfix/Sendmail/Gmail, Exim, Microsoft 365, qmail) with odd values
/// in each slot (address literals, "unknown", trailing dots, IPv6 forms, brackets, '@', ';') and, now and then, a rare
/// marker or a word put in at a random place: the inputs on which the common-shape reader must agree with the rules.
/// </summary>
internal static class ReceivedShapeVariants
{
    private static readonly string[] Templates =
    [
        "from {H} ({R} [{IP}])\r\n\tby {B} ({P}) with {W} id 4F1A2;\r\n\t{D}",
        "from {H} ({R} [{IP}]) by {B} with {W} id x5si123 for <u@example.org>{T}; {D}",
        "from {R} ([{IP}]{E}) by {B} with {W} (Exim 4.96) (envelope-from <a@example.net>) id 1abc-000; {D}",
        "from {R} ([{IP}]{E})\r\n\tby {B} with {W} id 1abc-000; {D}",
        "from {H} ({IP}) by {B} ({IP2}) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_X) id 15.20.7633.10{T}; {D}",
        "from {H} ({IP}) by {B} with {W}; {D}",
        "from {R} (HELO {H}) ({IP})\r\n  by {B} with {W}; {D}",
        "from {R} (EHLO {H}) ({IP}) by {B} ({P}) with {W}; {D}",
        "from {R} ([{IP}]) by {B} with {W} id 6EjNB001Q2dnMQAA3k1Y0g (envelope-from <a@example.com>) for <b@example.net>; {D}",
        "from {H} ({R} [{IP}]) by {B} ({P}) with {W} id 1; {D}",
    ];

    private static readonly Dictionary<string, string[]> Pools = new(StringComparer.Ordinal)
    {
        ["H"] = ["mail.example.net", "[10.0.0.1]", "[IPv6:2001:db8::1]", "[1.2.3]", "[]", "(x)", "X-Originating-IP:", "unknown", "UNKNOWN", "pc-42", "x_y", "HELO", "a(b", "localhost", "mail.example.net.", "h@x", "", "Exim", "relay.example.net", "1.2.3.4"],
        ["R"] = ["mail.example.net", "unknown", "mail.example.net.", "IDENT:u@h.net", "localhost", "1.2.3.4", "HELO", "(x)", "[1.2.3.4]", "relay.example.net", "Unknown", "a.b"],
        ["IP"] = ["81.2.69.160", "127.0.0.1", "10.0.0.1", "01.2.3.4", "1.2.3.256", "1.2.3", "IPv6:2001:db8::1", "2001:db8::1", "::1", "::ffff:1.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "2001:db8::12345", "1.2.3.4:25", "IPV6:2001:db8::1", "0.0.0.0", "198.18.0.1", "2a00:1450:4864:20::42b"],
        ["IP2"] = ["2603:10a6:20b:1::1", "10.1.2.3", "x"],
        ["B"] = ["mx.local.test", "mx.local.test.", "mx;", "[1.2.3.4]", "mx.google.com", "x.hotmail.msn.com", "localhost", "mail.gmx.net", "AM6PR05MB1234.eurprd05.prod.outlook.com", "b_"],
        ["P"] = ["Postfix", "8.15.2/8.15.2", "qmail-ldap-1.03", "Exim 4.96", "Microsoft SMTPSVC", "qpsmtpd/0.94", "Lotus Domino", "CommuniGate Pro SMTP 6.3"],
        ["W"] = ["ESMTP", "ESMTPS", "ESMTPSA", "SMTP", "esmtps", "LMTP", "HTTP", "local", "POP3", "IMAP", "SMTP id 5", "ESMTP id x", "QMQP", "Microsoft SMTP Server 15.0.1.2", "mapi id 14.3.1.2"],
        ["E"] = ["", " helo=relay.example.net", " helo=[1.2.3.4]", " helo=", " helo=a)b", " helo=a b", " ident=x", " helo=x ident=y", ":25", " helo=relay.example.net)"],
        ["T"] = ["", " (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256)", " (Authenticated sender: u)", " via Frontend Transport"],
        ["D"] = ["Mon, 2 Jan 2026 10:00:02 +0000 (UTC)", "2 Jan 2026 10:00:01 -0000", "", "Mon,2 Jan 2026", "Tue, 23 May 2006 13:06:35"],
    };

    private static readonly string[] Insertions =
    [
        " (Postfix) with", "Exim", " SMTPSVC", "[XMail ", "(ecelerity 1)", "with local", "with HTTP", ") by x.example (y)", "(qmail-1)",
        "(Authenticated sender: x)", "(authenticated bits=0)", "(may be forged)", "(AUTH: LOGIN u)", "with POP3", "with IMAP", "via smap",
        "(envelope-sender <a@b>)", "id", "by", "(", ")", "[", "]", ";", "with", "SMTP", "for <a@b>", ".hotmail.msn.com ", "(qpsmtpd/1)",
        " with Microsoft SMTP Server 15.0.1.2", "(LHLO x)", "helo=y", "@[1.2.3.4]", "([5.6.7.8])", "(9.9.9.9)",
    ];

    public static IEnumerable<string> Generated(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder(Templates[random.Next(Templates.Length)]);
            foreach (var (slot, values) in Pools)
            {
                text.Replace("{" + slot + "}", values[random.Next(2) == 0 ? 0 : random.Next(values.Length)]); // the first value is a common one
            }

            var header = text.ToString();
            if (random.Next(3) == 0)
            {
                var words = header.Split(' ').ToList();
                words.Insert(random.Next(words.Count + 1), Insertions[random.Next(Insertions.Length)]);
                header = string.Join(' ', words);
            }

            yield return header;
        }
    }

    /// <summary>Texts near an address literal: valid and broken dotted quads, IPv6 groups, prefixes, zones, ports.</summary>
    public static IEnumerable<string> AddressLike(int seed, int count)
    {
        const string Alphabet = "0123456789012345678901234567890123456789..........::::::::abcdefABCDEFgx%[]IPv6 ";
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            if (random.Next(5) == 0)
            {
                text.Append("IPv6:");
            }

            var length = random.Next(1, 24);
            for (var j = 0; j < length; j++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            yield return text.ToString();
            yield return string.Join('.', Enumerable.Range(0, random.Next(3, 6)).Select(_ => random.Next(300).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            yield return string.Join(':', Enumerable.Range(0, random.Next(2, 10)).Select(_ => random.Next(3) == 0 ? "" : random.Next(0x1FFFF).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
