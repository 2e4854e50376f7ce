namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>One corpus message seen by both sides: SpamAssassin's DNS-rule hits and queries against ours.</summary>
internal sealed record OracleComparison(
    string Message,
    IReadOnlyDictionary<string, double> SpamAssassinHits,
    IReadOnlyDictionary<string, double> LibraryHits,
    double LibraryScore,
    IReadOnlySet<LoggedQuery> SpamAssassinQueries,
    IReadOnlySet<LoggedQuery> LibraryQueries)
{
    public const double ScoreTolerance = 0.001;

    public double SpamAssassinScore => SpamAssassinHits.Values.Sum();

    /// <summary>
    /// Every difference: hits and queries only one side has, and a score gap beyond the tolerance. The scores are compared
    /// after taking out the hits <paramref name="isAllowed"/> accepts, so an allowed hit difference never hides a score gap.
    /// </summary>
    public IEnumerable<OracleDifference> Differences(Func<OracleDifference, bool> isAllowed)
    {
        var allowedGap = 0.0;
        foreach (var rule in SpamAssassinHits.Keys.Except(LibraryHits.Keys).Order(StringComparer.Ordinal))
        {
            var difference = new OracleDifference(Message, OracleDifferenceKind.HitOnlySpamAssassin, rule, $"SpamAssassin {SpamAssassinHits[rule]:0.###}, library no hit");
            allowedGap += isAllowed(difference) ? SpamAssassinHits[rule] : 0;
            yield return difference;
        }

        foreach (var rule in LibraryHits.Keys.Except(SpamAssassinHits.Keys).Order(StringComparer.Ordinal))
        {
            var difference = new OracleDifference(Message, OracleDifferenceKind.HitOnlyLibrary, rule, $"library {LibraryHits[rule]:0.###}, SpamAssassin no hit");
            allowedGap -= isAllowed(difference) ? LibraryHits[rule] : 0;
            yield return difference;
        }

        foreach (var query in SpamAssassinQueries.Except(LibraryQueries).Select(q => q.ToString()).Order(StringComparer.Ordinal))
        {
            yield return new(Message, OracleDifferenceKind.QueryOnlySpamAssassin, query, "SpamAssassin asked, library did not");
        }

        foreach (var query in LibraryQueries.Except(SpamAssassinQueries).Select(q => q.ToString()).Order(StringComparer.Ordinal))
        {
            yield return new(Message, OracleDifferenceKind.QueryOnlyLibrary, query, "library asked, SpamAssassin did not");
        }

        if (Math.Abs(SpamAssassinScore - allowedGap - LibraryScore) > ScoreTolerance)
        {
            var allowed = allowedGap == 0 ? "" : $" ({SpamAssassinScore - allowedGap:0.####} without the allowed hit differences)";
            yield return new(Message, OracleDifferenceKind.Score, "score", $"SpamAssassin DNS score {SpamAssassinScore:0.####}{allowed}, library {LibraryScore:0.####}");
        }
    }
}
