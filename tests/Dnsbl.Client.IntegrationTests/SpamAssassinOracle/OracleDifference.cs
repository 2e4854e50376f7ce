namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>What differs between the two sides for one message.</summary>
internal enum OracleDifferenceKind
{
    /// <summary>A DNS rule SpamAssassin hit and we did not.</summary>
    HitOnlySpamAssassin,

    /// <summary>A rule we hit and SpamAssassin did not.</summary>
    HitOnlyLibrary,

    /// <summary>A list query SpamAssassin sent and we did not.</summary>
    QueryOnlySpamAssassin,

    /// <summary>A list query we sent and SpamAssassin did not.</summary>
    QueryOnlyLibrary,

    /// <summary>The DNS scores differ by more than the tolerance.</summary>
    Score,
}

/// <summary>One difference between SpamAssassin and the library on one message; <see cref="Detail"/> shows both sides.</summary>
internal sealed record OracleDifference(string Message, OracleDifferenceKind Kind, string Item, string Detail)
{
    public override string ToString() => $"{Message}: {Kind} {Item} ({Detail})";
}
