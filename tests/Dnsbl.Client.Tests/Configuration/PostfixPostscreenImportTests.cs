using Dnsbl.Client.Configuration;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>postscreen settings read as Postfix reads them: whole weights, the reply map, TTLs and the timeout.</summary>
public sealed class PostfixPostscreenImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dnsbl-postscreen-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Import_FractionalWeight_IsReportedAndTheEntryLeftOut()
    {
        var result = PostfixImporter.Import("""
            postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*2.5 bl.spamcop.net*1
            postscreen_dnsbl_threshold = 1.5
            """);

        Assert.Equal(["bl.spamcop.net"], result.Lists.Select(l => l.Zone));
        Assert.Contains(result.Problems, p => p.Line == 1 && p.Reason.Contains("whole-number weights (Postfix refuses '2.5')", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == 2 && p.Reason.Contains("must be a whole number", StringComparison.Ordinal));
        Assert.Equal(1, result.Thresholds.Reject);
    }

    [Fact]
    public void Import_TexthashReplyMap_NamesTheLists()
    {
        var map = Path.Combine(_folder, "dnsbl_reply");
        File.WriteAllText(map, """
            # secret zone -> public name
            abcdefghijklmnopqrstuvwxyz.zen.dq.spamhaus.net   zen.spamhaus.org
            BL.SPAMCOP.NET
                SpamCop
            """);

        var result = PostfixImporter.Import($"""
            postscreen_dnsbl_sites = abcdefghijklmnopqrstuvwxyz.zen.dq.spamhaus.net*3 bl.spamcop.net*1 list.dnswl.org*-2
            postscreen_dnsbl_reply_map = texthash:{map}
            """);

        Assert.Equal(["zen.spamhaus.org", "SpamCop", "list.dnswl.org"], result.Lists.Select(l => l.Name));
        Assert.Equal("abcdefghijklmnopqrstuvwxyz.zen.dq.spamhaus.net", result.Lists[0].Zone);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Import_InlineReplyMap_NamesTheLists()
    {
        var result = PostfixImporter.Import("""
            postscreen_dnsbl_sites = key123.zen.dq.spamhaus.net*3
            postscreen_dnsbl_reply_map = inline:{ key123.zen.dq.spamhaus.net=zen.spamhaus.org, { other.example = Other list } }
            """);

        Assert.Equal("zen.spamhaus.org", Assert.Single(result.Lists).Name);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("hash:/etc/postfix/dnsbl_reply", "only texthash: and inline:")]
    [InlineData("texthash:/nonexistent/dnsbl_reply", "cannot be read")]
    [InlineData("inline:zen=x", "enclosed in { }")]
    public void Import_UnreadableReplyMap_IsReportedAndNamesStayZones(string map, string reason)
    {
        var result = PostfixImporter.Import($"postscreen_dnsbl_sites = zen.spamhaus.org*2\npostscreen_dnsbl_reply_map = {map}\n");

        Assert.Equal("zen.spamhaus.org", Assert.Single(result.Lists).Name);
        Assert.Contains(reason, Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TtlsAndTimeout_BecomeCacheLimitsAndDeadline()
    {
        var result = PostfixImporter.Import("""
            postscreen_dnsbl_sites = zen.spamhaus.org*2
            postscreen_dnsbl_min_ttl = 2m
            postscreen_dnsbl_max_ttl = 1h
            postscreen_dnsbl_timeout = 10
            """);

        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromHours(1)), (result.Cache!.MinimumTtl, result.Cache.MaximumTtl));
        Assert.Equal(TimeSpan.FromSeconds(10), result.Deadline);
        Assert.Empty(result.Problems);
        var json = DnsblConfigurationJson.Write(result);
        Assert.Contains("\"MinimumTtl\": \"00:02:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Deadline\": \"00:00:10\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LegacyTtlAndBadTime_AreReadOrReported()
    {
        var result = PostfixImporter.Import("""
            postscreen_dnsbl_ttl = 2h
            postscreen_dnsbl_timeout = soon
            """);

        Assert.Equal(TimeSpan.FromHours(2), result.Cache!.MaximumTtl);
        Assert.Null(result.Deadline);
        Assert.Contains("not a Postfix time", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }
}
