namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>The oracle tests share one rbldnsd and one SpamAssassin, and run one after another (the query log is cut per step).</summary>
[CollectionDefinition(Name)]
public sealed class OracleGroup : ICollectionFixture<OracleHarness>
{
    public const string Name = "SpamAssassin oracle";
}
