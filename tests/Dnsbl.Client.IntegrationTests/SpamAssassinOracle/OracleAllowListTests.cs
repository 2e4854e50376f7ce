namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>The allow-list data the oracle reads: well-formed, never "pending", and mirrored in docs/messages.md.</summary>
public sealed class OracleAllowListTests
{
    [Fact]
    public void Load_EveryDifference_IsMirroredInDocsMessages()
    {
        var docs = File.ReadAllText(FindDocs());

        var missing = OracleAllowList.Load().Entries.Concat(OracleAllowList.LoadReal().Entries).Distinct()
            .Where(e => !docs.Contains($"| {e.Message} | {e.Kind} | `{e.Item}` |", StringComparison.Ordinal))
            .Select(e => $"{e.Message} {e.Kind} {e.Item}")
            .ToList();

        Assert.True(missing.Count == 0, $"differences.tsv entries without a row in docs/messages.md: {string.Join("; ", missing)}");
    }

    [Fact]
    public void Parse_PendingReason_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => OracleAllowList.Parse(["01-a.eml\tHitOnlySpamAssassin\tRCVD_IN_SBL\tpending: issue 15"]));

        Assert.Contains("differences.tsv:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonFor_GlobEntry_MatchesOnlyItsKind()
    {
        var allowed = OracleAllowList.Parse(["*\tQueryOnlyLibrary\tA *.dbl.spamhaus.org\tus stricter"]);

        Assert.Equal("us stricter", allowed.ReasonFor(new OracleDifference("m.eml", OracleDifferenceKind.QueryOnlyLibrary, "A x.com.dbl.spamhaus.org", "")));
        Assert.Null(allowed.ReasonFor(new OracleDifference("m.eml", OracleDifferenceKind.QueryOnlySpamAssassin, "A x.com.dbl.spamhaus.org", "")));
    }

    private static string FindDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "messages.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/messages.md not found above the test output folder.");
    }
}
