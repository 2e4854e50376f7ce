using System.Net;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class ReceivedHeaderParserTests
{
    [Theory]
    // Postfix / Sendmail / OpenSMTPD: from HELO (rDNS [ip])
    [InlineData("from mail.sender.com (mail.sender.com [81.2.69.160]) by mx.local.test (Postfix) with ESMTPS id 4AB; Mon, 2 Jan 2026 10:00:00 +0000", "81.2.69.160", "mail.sender.com", "mail.sender.com")]
    [InlineData("from helo.name (unknown [81.2.69.161]) by mx.local.test (Postfix) with SMTP id 1", "81.2.69.161", "helo.name", null)]
    [InlineData("from pc (host-1.isp.net [81.2.69.162] (may be forged)) by mx.local.test (8.15.2/8.15.2) with ESMTP id x; Mon, 2 Jan 2026", "81.2.69.162", "pc", "host-1.isp.net")]
    [InlineData("from [81.2.69.163] (unknown [81.2.69.163]) by mx.local.test (Postfix) with ESMTP id 2", "81.2.69.163", "[81.2.69.163]", null)]
    [InlineData("from mail6.sender.net (mail6.sender.net [IPv6:2a00:1450:4864:20::42b]) by mx.local.test (Postfix)", "2a00:1450:4864:20::42b", "mail6.sender.net", "mail6.sender.net")]
    // Exim: from rDNS ([ip] helo=x), from [ip] (helo=x), ports
    [InlineData("from host.isp.net ([81.2.69.164] helo=claimed.name) by mx.local.test with esmtp (Exim 4.96) id 1abc", "81.2.69.164", "claimed.name", "host.isp.net")]
    [InlineData("from [81.2.69.165] (port=51234 helo=client.sender.net) by mail.sender.net with esmtpsa (Exim 4.96)", "81.2.69.165", "client.sender.net", null)]
    [InlineData("from host.isp.net ([81.2.69.166]:40000 helo=x.isp.net) by mx.local.test with esmtps (Exim 4.94)", "81.2.69.166", "x.isp.net", "host.isp.net")]
    [InlineData("from [IPv6:2a01:4f8:c17:1::1] (port=51234 helo=client.sender.net) by mail6.sender.net with esmtpsa (Exim 4.96)", "2a01:4f8:c17:1::1", "client.sender.net", null)]
    // qmail
    [InlineData("from unknown (HELO pc-42) (175.45.176.3) by good.sender.com with SMTP; 2 Jan 2026 09:58:00 -0000", "175.45.176.3", "pc-42", null)]
    [InlineData("from mail.isp.net (HELO relay.isp.net) ([175.45.176.4]) by mx.local.test with ESMTP; 2 Jan 2026", "175.45.176.4", "relay.isp.net", "mail.isp.net")]
    // Exchange
    [InlineData("from mail.partner.com (81.2.69.167) by EX01.corp.test (10.0.0.2) with Microsoft SMTP Server (version=TLS1_2) id 15.1.2; Mon, 2 Jan 2026", "81.2.69.167", "mail.partner.com", null)]
    // Gmail
    [InlineData("from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a1sor; Mon, 02 Jan 2026 10:00:00 -0800 (PST)", "209.85.220.41", "mail-sor-f41.google.com", "mail-sor-f41.google.com")]
    // HELO given as an address literal, the only address in the header
    [InlineData("from client (helo [81.2.69.168]) by mx.local.test with SMTP", "81.2.69.168", "[81.2.69.168]", "client")]
    public void TryParse_CommonMtaForms_ExtractsRelay(string header, string address, string? helo, string? reverseDns)
    {
        Assert.True(ReceivedHeaderParser.TryParse(header, out var relay));
        Assert.Equal(IPAddress.Parse(address), relay.Address);
        Assert.Equal(helo, relay.Helo);
        Assert.Equal(reverseDns, relay.ReverseDns);
        Assert.Same(header, relay.Raw);
    }

    [Theory]
    [InlineData("by 2002:a05:6a10:1234 with SMTP id x; Mon, 2 Jan 2026 10:00:00 -0800 (PST)")]
    [InlineData("(qmail 12345 invoked by uid 89); 2 Jan 2026 09:59:00 -0000")]
    [InlineData("from userid 1000 by host.local.test (Postfix, from userid 1000) id 1; Mon, 2 Jan 2026")]
    public void TryParse_LocalHop_IsValidWithoutAddress(string header)
    {
        Assert.True(ReceivedHeaderParser.TryParse(header, out var relay));
        Assert.Null(relay.Address);
    }

    [Theory]
    [InlineData("this is not a received header at all")]
    [InlineData("")]
    [InlineData("from ")]
    public void TryParse_Malformed_ReturnsFalse(string header)
        => Assert.False(ReceivedHeaderParser.TryParse(header, out _));

    [Fact]
    public void TryParse_CommentContainsBy_DoesNotEndFromClauseEarly()
    {
        Assert.True(ReceivedHeaderParser.TryParse("from a.sender.com (Authenticated sender by b [81.2.69.169]) by mx.local.test", out var relay));
        Assert.Equal(IPAddress.Parse("81.2.69.169"), relay.Address);
    }

    [Fact]
    public void TryParse_IPv4MappedAddress_IsReturnedAsIPv4()
    {
        Assert.True(ReceivedHeaderParser.TryParse("from x.sender.com (x.sender.com [::ffff:81.2.69.170]) by courier.local.test", out var relay));
        Assert.Equal(IPAddress.Parse("81.2.69.170"), relay.Address);
    }

    [Fact]
    public void ParseAll_MixedHeaders_SkipsAndReportsMalformed()
    {
        var problems = new List<MessageProblem>();
        var relays = ReceivedHeaderParser.ParseAll(["garbage", "from ok.sender.com (ok.sender.com [81.2.69.171]) by mx.local.test"], problems);
        var relay = Assert.Single(relays);
        Assert.Equal(IPAddress.Parse("81.2.69.171"), relay.Address);
        var problem = Assert.Single(problems);
        Assert.Equal(MessageProblemKind.MalformedReceived, problem.Kind);
        Assert.Equal("garbage", problem.Detail);
    }

    [Fact]
    public void TryParse_HugeHeaderWithoutAnAddress_RejectedNotThrown()
    {
        var header = "from " + new string('(', 50_000) + " by x";

        Assert.False(ReceivedHeaderParser.TryParse(header, out _));
    }
}
