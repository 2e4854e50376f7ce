namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// The harness itself, independent of our importer and parser: SpamAssassin runs with score set 1, asks only the
/// loopback rbldnsd, and sees the look-alike zones (a listed relay hits RCVD_IN_SBL, an allow-listed one DNSWL, a listed
/// link URIBL_BLACK), and the query log attributes each query to the message that caused it.
/// </summary>
[Collection(OracleGroup.Name)]
public sealed class SpamAssassinHarnessTests(OracleHarness harness)
{
    private const string ListedRelayMessage = """
        Received: from mx1.kestrel-mail.net (mx1.kestrel-mail.net [185.11.88.10])
        	by store.kestrel-mail.net (Postfix) with ESMTPS id 4QkR2x1zZ9z9sRk
        	for <alice@kestrel-mail.net>; Fri, 04 Dec 2026 10:00:02 +0000 (UTC)
        Received: from mail.cheap-rolex-replica.com (unknown [45.134.26.17])
        	by mx1.kestrel-mail.net (Postfix) with ESMTP id 4QkR2x0mN1z9sRj
        	for <alice@kestrel-mail.net>; Fri, 04 Dec 2026 10:00:01 +0000 (UTC)
        From: Watch Deals <deals@cheap-rolex-replica.com>
        To: alice@kestrel-mail.net
        Subject: harness check
        Date: Fri, 04 Dec 2026 10:00:00 +0000
        Message-ID: <harness-1@cheap-rolex-replica.com>

        See http://cheap-rolex-replica.com/sale
        """;

    private const string AllowListedRelayMessage = """
        Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])
        	by mx1.kestrel-mail.net (Postfix) with ESMTPS id 4QkR3y2zZ9z9sRm
        	for <alice@kestrel-mail.net>; Fri, 04 Dec 2026 10:05:01 +0000 (UTC)
        From: Bob <bob.example.sender@gmail.com>
        To: alice@kestrel-mail.net
        Subject: harness check 2
        Date: Fri, 04 Dec 2026 10:05:00 +0000
        Message-ID: <harness-2@mail.gmail.com>

        Lunch tomorrow?
        """;

    [Fact]
    public async Task SpamAssassin_ListedRelayAndLink_HitsSblAndUriblFromLoopbackZones()
    {
        var (verdict, queries) = await AskAsync(ListedRelayMessage);

        Assert.Equal(1, verdict.ScoreSet);
        Assert.Equal(2.596, verdict.Hits["RCVD_IN_SBL"], 3);
        Assert.Equal(1.7, verdict.Hits["URIBL_BLACK"], 3);
        Assert.Contains(new LoggedQuery("A", "zen.spamhaus.org", "17.26.134.45"), queries);
        Assert.Contains(new LoggedQuery("A", "multi.uribl.com", "cheap-rolex-replica.com"), queries);
        // Our own MX (a trusted network) is never asked about.
        Assert.DoesNotContain(queries, q => q.Key == "10.88.11.185");
    }

    [Fact]
    public async Task SpamAssassin_AllowListedRelay_HitsDnswlAndOnlyThisMessagesQueriesAreLogged()
    {
        var (verdict, queries) = await AskAsync(AllowListedRelayMessage);

        Assert.Equal(-0.7, verdict.Hits["RCVD_IN_DNSWL_LOW"], 3);
        Assert.False(verdict.Hits.ContainsKey("RCVD_IN_SBL"));
        Assert.Contains(new LoggedQuery("A", "list.dnswl.org", "41.220.85.209"), queries);
        Assert.DoesNotContain(queries, q => q.Key.Contains("45.134.26.17", StringComparison.Ordinal) || q.Key.Contains("17.26.134.45", StringComparison.Ordinal));
    }

    private async Task<(SpamAssassinVerdict Verdict, IReadOnlyList<LoggedQuery> Queries)> AskAsync(string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dnsbl-sa-harness-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, message.ReplaceLineEndings("\n") + "\n");
        try
        {
            return await harness.AskSpamAssassinAsync(path, CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
