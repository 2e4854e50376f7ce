using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The hand-written reader of common Received shapes (Postfix, Sendmail, Gmail, Exim, Microsoft 365, qmail) against the
/// format rules it stands in front of: on every recorded header, its mechanical variants, each word left out, and
/// generated headers that put odd values and rare markers into the common shapes, the reader either declines or gives
/// exactly the rules' result.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class ReceivedCommonShapeTests
{
    [Fact]
    public void Parse_RecordedAndCorpusHeadersAndVariants_SameAsTheRules()
    {
        // The recorded headers and every Received header of today's corpora (real messages added since recording too).
        var headers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var header in ReceivedGoldenTests.RecordedHeaders().Concat(ReceivedGoldenTests.Inputs(ReceivedGoldenTests.RepositoryRoot())))
        {
            headers.UnionWith(ReceivedVariants.Recorded(header));
            headers.UnionWith(ReceivedVariants.WordsLeftOut(header));
        }

        var read = AssertSameAsRules(headers);
        Assert.True(read > headers.Count / 10, $"the common shapes read only {read} of {headers.Count} headers");
    }

    [Fact]
    public void Parse_GeneratedHeaders_SameAsTheRules()
    {
        var read = AssertSameAsRules(ReceivedShapeVariants.Generated(seed: 15, count: 30_000));
        Assert.True(read > 2_000, $"the common shapes read only {read} generated headers");
    }

    [Theory]
    [InlineData("from mail-ed1-f41.google.com (mail-ed1-f41.google.com [209.85.208.41])\r\n\tby mx.local.test (Postfix) with ESMTPS id 4N2x; Mon, 2 Jan 2026 10:00:04 +0000 (UTC)")]
    [InlineData("from relay.sender-news.net ([81.2.69.160] helo=relay.sender-news.net)\r\n\tby mail-ed1-f41.google.com with esmtps (Exim 4.96) id 1abc-000; Mon, 02 Jan 2026 10:00:03 +0000")]
    [InlineData("from EUR05-AM6-obe.outbound.protection.outlook.com (40.107.22.50) by AM6PR05MB1234.eurprd05.prod.outlook.com\r\n (2603:10a6:20b:1::1) with Microsoft SMTP Server (version=TLS1_2) id 15.20.7633.10; Mon, 2 Jan 2026 10:00:02 +0000")]
    [InlineData("from unknown (HELO pc-42) (175.45.176.3)\r\n  by mail.sender-news.net with SMTP; 2 Jan 2026 10:00:01 -0000")]
    [InlineData("from mail.example.org (mail.example.org [198.51.100.7]) by mx.local.test (8.15.2/8.15.2) with ESMTP id 1B2C3D; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from mail-wr1-f54.google.com (mail-wr1-f54.google.com. [209.85.221.54]) by mx.google.com with ESMTPS id x5si123 for <u@example.org> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Mon, 2 Jan 2026 10:00:00 -0800 (PST)")]
    [InlineData("from mail.example.org ([81.2.69.160]) by mx.local.test with esmtp (Exim 4.96) id 1abc-000; Mon, 02 Jan 2026 10:00:03 +0000")]
    [InlineData("from [10.0.0.1] (unknown [91.198.174.10]) by mx.local.test (Postfix) with ESMTP id 1; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from mx1.example.net ([185.11.88.10]) by store.example.net with LMTP id 6EjNB001Q2dnMQAA3k1Y0g (envelope-from <a@example.com>) for <b@example.net>; Fri, 04 Dec 2026 09:01:02 +0000")]
    [InlineData("from mx1.example.net ([185.11.88.10]) by store.example.net with ESMTP; Fri, 04 Dec 2026 09:01:02 +0000")]
    public void ReadsAsCommonShape_SampleShapes_ReadByTheFastReader(string header)
    {
        Assert.True(ReceivedHeaderParser.ReadsAsCommonShape(header));
        Assert.Equal(ReceivedHeaderParser.ParseWithRulesOnly(header, out var expected), ReceivedHeaderParser.Parse(header, out var actual));
        Assert.Equal(expected, actual);
    }

    // A ")by " glued by the writer is mended to ") by " before the shapes are read: the same relay as the spaced header,
    // from the common-shape reader as from the rules (and the authentication marker read from the mended text).
    [Theory]
    [InlineData("from mail.example.org (mail.example.org [198.51.100.7])by mx.local.test (Postfix) with ESMTP id 1B2C3D; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from mail.example.org (mail.example.org [198.51.100.7])by mx.local.test (Postfix) with ESMTPSA id 1B2C3D; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from relay.example.net ([81.2.69.160] helo=relay.example.net)by mx.local.test with esmtps (Exim 4.96) id 1abc-000; Mon, 02 Jan 2026 10:00:03 +0000")]
    public void Parse_GluedBy_SameRelayAsSpaced(string glued)
    {
        var spaced = glued.Replace(")by ", ") by ", StringComparison.Ordinal);
        Assert.True(ReceivedHeaderParser.ReadsAsCommonShape(spaced));
        Assert.Equal(ReceivedParseKind.Relay, ReceivedHeaderParser.Parse(glued, out var gluedRelay));
        Assert.Equal(ReceivedParseKind.Relay, ReceivedHeaderParser.Parse(spaced, out var spacedRelay));
        Assert.Equal(ReceivedHeaderParser.ParseWithRulesOnly(glued, out var rulesRelay), ReceivedHeaderParser.Parse(glued, out _));
        Assert.NotNull(gluedRelay);
        Assert.NotNull(gluedRelay.Address);
        Assert.Equal(rulesRelay, gluedRelay);
        Assert.Equal(spacedRelay! with { Raw = glued }, gluedRelay);
    }

    [Theory]
    [InlineData("from [141.98.10.61] (helo=mailer.example.com) by mx.local.test with esmtp (Exim 4.96) id 1tJ9kL-0003xY-2A; Fri, 04 Dec 2026 09:04:00 +0000")]
    [InlineData("from relay.example.net ([81.2.69.160] helo=relay.example.net) by mx.local.test with local (Exim 4.96) id 1")]
    [InlineData("from mx1.example.net ([185.11.88.10]) by store.example.net with LMTP id 6EjN (envelope-from <a@example.com>) via smtpd for <b@example.net>")]
    [InlineData("from mail.example.org (mail.example.org [198.51.100.7]) by mx.local.test (qmail-ldap-1.03) with SMTP; 2 Jan 2026 10:00:01 -0000")]
    [InlineData("from host.example (1.2.3.4) by mx.example with ESMTP id 5; 2 Jan 2026 10:00:01 -0000")]
    [InlineData("from a.example (b.example [1.2.3.4]) by c.example (d) with SMTP id 1) by e.example (f); 2 Jan 2026 10:00:01 -0000")]
    public void ReadsAsCommonShape_ShapesTheRulesMustDecide_Declines(string header)
    {
        Assert.False(ReceivedHeaderParser.ReadsAsCommonShape(header));
    }

    [Fact]
    public void IsRuleIp_GeneratedText_OnlyWhereTheRulePatternMatches()
    {
        var accepted = 0;
        foreach (var text in ReceivedShapeVariants.AddressLike(seed: 7, count: 50_000))
        {
            if (ReceivedHeaderParser.IsRuleIp(text))
            {
                accepted++;
                Assert.True(ReceivedHeaderParser.BracketedRuleIp().IsMatch("[" + text + "]"), text);
            }
        }

        Assert.True(accepted > 1_000, $"only {accepted} generated texts were addresses");
    }

    // Every header through both paths; returns how many the common shapes read.
    private static int AssertSameAsRules(IEnumerable<string> headers)
    {
        var read = 0;
        var differences = new List<string>();
        foreach (var header in headers)
        {
            var expectedKind = ReceivedHeaderParser.ParseWithRulesOnly(header, out var expected);
            var actualKind = ReceivedHeaderParser.Parse(header, out var actual);
            if (expectedKind != actualKind || !Equals(expected, actual))
            {
                differences.Add($"{header}\n  rules  {expectedKind} {expected}\n  common {actualKind} {actual}");
            }

            read += ReceivedHeaderParser.ReadsAsCommonShape(header) ? 1 : 0;
        }

        Assert.True(differences.Count == 0, $"{differences.Count} differ:\n" + string.Join('\n', differences.Take(10)));
        return read;
    }
}
