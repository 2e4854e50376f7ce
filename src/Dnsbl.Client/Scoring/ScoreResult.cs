namespace Dnsbl.Client.Scoring;

/// <summary>A score, its verdict and what the error policy contributed.</summary>
/// <param name="Score">The sum of the listed outcomes' weights plus <paramref name="IncludedErrorWeight"/>, rounded to nine decimals.</param>
/// <param name="Verdict">The verdict of the score against the thresholds and the error policy.</param>
/// <param name="IncludedErrorWeight">What failed block lists added under <see cref="ErrorPolicy.Include"/> (0 otherwise).</param>
/// <param name="ErrorCount">How many outcomes were errors (skipped lists are not errors).</param>
/// <param name="MetaHits">The meta rules that hit (their weights are in <paramref name="Score"/>); null means none.</param>
internal readonly record struct ScoreResult(double Score, DnsblVerdict Verdict, double IncludedErrorWeight, int ErrorCount, IReadOnlyList<MetaRuleHit>? MetaHits = null);
