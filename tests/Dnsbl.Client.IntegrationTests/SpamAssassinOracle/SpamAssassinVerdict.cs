namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>What SpamAssassin said about one message: its total score, every rule hit with its score, and the score set used.</summary>
internal sealed record SpamAssassinVerdict(double Score, IReadOnlyDictionary<string, double> Hits, int ScoreSet);
