using System.Net;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class ReceivedHeaderParserTests
{
    // One real-shaped header per MTA format. The address expected is the one the receiving MTA recorded for the TCP
    // connection, never the HELO argument. Shapes: the MTAs' own documentation and source (Postfix smtpd_received.c
    // "from %s (%s [%s])", Sendmail's $_ macro, Exim's received_header_text, qmail-smtpd's received(), Microsoft 365
    // message headers, Gmail/Yahoo headers of delivered mail) and the real examples SpamAssassin's Received.pm cites.
    [Theory]
    // Postfix: "from HELO (rDNS [ip])"; the HELO here is an address literal the client chose and must not be used.
    [InlineData("from [10.0.0.1] (unknown [91.198.174.10]) by mx.local.test (Postfix) with ESMTP id 4AB; Mon, 2 Jan 2026 10:00:00 +0000", "91.198.174.10", "[10.0.0.1]", null)]
    [InlineData("from mail.sender.com (mail.sender.com [81.2.69.160]) by mx.local.test (Postfix) with ESMTPS id 4AB; Mon, 2 Jan 2026 10:00:00 +0000", "81.2.69.160", "mail.sender.com", "mail.sender.com")]
    // Sendmail: "(may be forged)" after the address; "(authenticated bits=0)" comment.
    [InlineData("from pc (host-1.isp.net [81.2.69.162] (may be forged)) by mx.local.test (8.15.2/8.15.2) with ESMTP id x; Mon, 2 Jan 2026 10:00:00 +0000", "81.2.69.162", "pc", "host-1.isp.net")]
    // Exim: "from rDNS ([ip] helo=x)" and "from [ip] (helo=x)" and with a port.
    [InlineData("from host.isp.net ([81.2.69.164] helo=claimed.name) by mx.local.test with esmtp (Exim 4.96) id 1abc-000; Mon, 02 Jan 2026 10:00:00 +0000", "81.2.69.164", "claimed.name", "host.isp.net")]
    [InlineData("from [81.2.69.165] (helo=client.sender.net) by mail.sender.net with smtp (Exim 4.96) id 1abc-000; Mon, 02 Jan 2026 10:00:00 +0000", "81.2.69.165", "client.sender.net", null)]
    [InlineData("from server040.webpack.example-host.de ([80.237.130.48]:52313) by mx.local.test with esmtps (TLS1.3) (Exim 4.96) id 1GzVLs-0002Oz-7b; Mon, 02 Jan 2026 10:00:00 +0000", "80.237.130.48", "server040.webpack.example-host.de", "server040.webpack.example-host.de")]
    // qmail-smtpd: "from rDNS (HELO name) (ip)" and "(user@ip)".
    [InlineData("from unknown (HELO pc-42) (175.45.176.3) by mx.local.test with SMTP; 2 Jan 2026 09:58:00 -0000", "175.45.176.3", "pc-42", null)]
    [InlineData("from unknown (HELO [10.0.0.7]) (joe@175.45.176.4) by mx.local.test with SMTP; 2 Jan 2026 09:58:00 -0000", "175.45.176.4", "[10.0.0.7]", null)]
    // Microsoft Exchange / Microsoft 365: "from HOST (ip) by HOST (ip) with Microsoft SMTP Server (...) id 15.20...".
    // SpamAssassin reads this shape with its qmail-like rule, which takes the name as both rDNS and HELO; so do we.
    [InlineData("from EUR05-AM6-obe.outbound.protection.outlook.com (40.107.22.50) by AM6PR05MB1234.eurprd05.prod.outlook.com (2603:10a6:20b:1::1) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7633.10; Mon, 2 Jan 2026 10:00:00 +0000", "40.107.22.50", "EUR05-AM6-obe.outbound.protection.outlook.com", "EUR05-AM6-obe.outbound.protection.outlook.com")]
    // Gmail's MX: "from host (rdns. [ip]) by mx.google.com with ESMTPS id ... (version=TLS1_3 cipher=...)".
    [InlineData("from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a1sor123.45.2026.01.02.10.00.00 for <u@local.test> (Google Transport Security); Mon, 02 Jan 2026 10:00:00 -0800 (PST)", "209.85.220.41", "mail-sor-f41.google.com", "mail-sor-f41.google.com")]
    // Yahoo: "from rdns (HELO name) (ip) by mta.yahoo.com with SMTP".
    [InlineData("from sonic301-20.consmr.mail.ne1.yahoo.com (HELO sonic301-20.consmr.mail.ne1.yahoo.com) (66.163.186.146) by mta4.mail.ne1.yahoo.com with SMTP; Mon, 2 Jan 2026 10:00:00 +0000", "66.163.186.146", "sonic301-20.consmr.mail.ne1.yahoo.com", "sonic301-20.consmr.mail.ne1.yahoo.com")]
    // Courier: "from host (rdns [::ffff:ip])" — the IPv4-mapped form is read as IPv4.
    [InlineData("from x.sender.com (x.sender.com [::ffff:81.2.69.170]) by courier.local.test with ESMTP; Mon, 02 Jan 2026 10:00:00 +0000", "81.2.69.170", "x.sender.com", "x.sender.com")]
    // MDaemon: "from helo (rdns [ip]) by host (MDaemon PRO v23) with ESMTP id md5...".
    [InlineData("from relay.sender.net (relay.sender.net [81.2.69.171]) by mail.local.test (MDaemon PRO v23.0.1) with ESMTP id md5001; Mon, 02 Jan 2026 10:00:00 +0000", "81.2.69.171", "relay.sender.net", "relay.sender.net")]
    // OpenSMTPD: "from helo (rdns [ip]) by host (OpenSMTPD) with ESMTPS id ...".
    [InlineData("from out.sender.net (out.sender.net [81.2.69.172]) by mx.local.test (OpenSMTPD) with ESMTPS id 1a2b3c4d (TLSv1.3:AEAD-AES256-GCM-SHA384:256:NO) for <u@local.test>; Mon, 2 Jan 2026 10:00:00 +0000 (UTC)", "81.2.69.172", "out.sender.net", "out.sender.net")]
    // Haraka: "from helo (rdns [ip]) by host (Haraka/3.0.2) with ESMTPS id UUID envelope-from <x>".
    [InlineData("from mta.sender.net (mta.sender.net [81.2.69.173]) by mx.local.test (Haraka/3.0.2) with ESMTPS id 5C1F2A3B-1234 envelope-from <a@sender.net> (cipher=TLS_AES_256_GCM_SHA384); Mon, 02 Jan 2026 10:00:00 +0000", "81.2.69.173", "mta.sender.net", "mta.sender.net")]
    // Zimbra (Postfix-based MTA): "from helo (rdns [ip]) by zimbra (Postfix) with ESMTP".
    [InlineData("from zimbra.sender.org (zimbra.sender.org [81.2.69.174]) by mx.zimbra.local.test (Postfix) with ESMTP id 8F2A1; Mon, 2 Jan 2026 10:00:00 +0000 (UTC)", "81.2.69.174", "zimbra.sender.org", "zimbra.sender.org")]
    // Communigate Pro: "from [ip] (HELO name) by host (CommuniGate Pro SMTP 6.3)".
    [InlineData("from [81.2.69.175] (HELO mail.sender.org) by cgp.local.test (CommuniGate Pro SMTP 6.3.10) with ESMTP id 9786656 for u@local.test; Mon, 02 Jan 2026 10:00:00 +0000", "81.2.69.175", "mail.sender.org", null)]
    // IPv6: Postfix "[IPv6:...]" and Exim "[ipv6]".
    [InlineData("from mail6.sender.net (mail6.sender.net [IPv6:2a00:1450:4864:20::42b]) by mx.local.test (Postfix) with ESMTPS id 3; Mon, 2 Jan 2026 10:00:00 +0000", "2a00:1450:4864:20::42b", "mail6.sender.net", "mail6.sender.net")]
    [InlineData("from host6.sender.net ([2a01:4f8:c17:1::1] helo=client.sender.net) by mx.local.test with esmtps (Exim 4.96) id 1abc; Mon, 02 Jan 2026 10:00:00 +0000", "2a01:4f8:c17:1::1", "client.sender.net", "host6.sender.net")]
    public void Parse_MtaFormats_TakesReceiversAddress(string header, string address, string? helo, string? reverseDns)
    {
        Assert.Equal(ReceivedParseKind.Relay, ReceivedHeaderParser.Parse(header, out var relay));
        Assert.Equal(IPAddress.Parse(address), relay!.Address);
        Assert.Equal(helo, relay.Helo);
        Assert.Equal(reverseDns, relay.ReverseDns);
        Assert.Same(header, relay.Raw);
    }

    [Theory]
    [InlineData("from laptop (dsl-1.isp.net [81.2.69.180]) (authenticated bits=0) by smtp.local.test (8.15.2/8.15.2) with ESMTP id x; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from laptop (dsl-1.isp.net [81.2.69.180]) by smtp.local.test (Postfix) with ESMTPSA id 4AB; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from [192.168.1.20] (dsl-1.isp.net [81.2.69.180]) (Authenticated sender: joe@local.test) by smtp.local.test (Postfix) with ESMTPSA id 4AB; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from [81.2.69.180] (port=50000 helo=[192.168.1.20]) by smtp.local.test with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <joe@local.test>) id 1abc; Mon, 02 Jan 2026 10:00:00 +0000")]
    [InlineData("from laptop (dsl-1.isp.net [81.2.69.180]) by store.local.test (Cyrus) with LMTPSA id 1; Mon, 2 Jan 2026 10:00:00 +0000")]
    public void Parse_AuthenticatedSubmission_RecordsAuth(string header)
    {
        Assert.Equal(ReceivedParseKind.Relay, ReceivedHeaderParser.Parse(header, out var relay));
        Assert.True(relay!.IsAuthenticated);
        Assert.Equal(IPAddress.Parse("81.2.69.180"), relay.Address);
    }

    [Theory]
    [InlineData("(qmail 12345 invoked by uid 89); 2 Jan 2026 09:59:00 -0000", "Ignored")]
    [InlineData("by mx.local.test (Postfix, from userid 1000) id 1; Mon, 2 Jan 2026 10:00:00 +0000", "Ignored")]
    [InlineData("from andrew by trinity.local.test with local (Exim 4.96) id 18xeL6-000Dn1-00; Tue, 25 Mar 2026 02:39:00 +0000", "Ignored")]
    [InlineData("from pop.isp.net [81.2.69.181] by localhost with POP3 (fetchmail-6.4.37) for <u@localhost> (single-drop); Mon, 02 Jan 2026 10:00:00 +0000", "MailFetcher")]
    [InlineData("from imap.isp.net [81.2.69.182] by localhost with IMAP (fetchmail-6.4.37) for <u@localhost> (single-drop); Mon, 02 Jan 2026 10:00:00 +0000", "MailFetcher")]
    // No "by": nothing says who recorded the address, so SpamAssassin does not use it and neither do we.
    [InlineData("from client.sender.net (client.sender.net [81.2.69.183])", "Unparseable")]
    [InlineData("this is not a received header at all", "Ignored")]
    public void Parse_NonRelayHeaders_AreToldApart(string header, string expected)
        => Assert.Equal(Enum.Parse<ReceivedParseKind>(expected), ReceivedHeaderParser.Parse(header, out _));

    [Fact]
    public void Parse_HugeHeader_DoesNotThrow()
    {
        var header = "from " + new string('(', 50_000) + " by x";
        _ = ReceivedHeaderParser.Parse(header, out _);
    }
}
