namespace Dnsbl.Client.Testing.Zones;

/// <summary>What the zone data answers to one question: an RCODE and the answer and authority sections.</summary>
internal sealed record ZoneAnswer(int ResponseCode, IReadOnlyList<ZoneRecord> Answers, IReadOnlyList<ZoneRecord> Authority)
{
    public const int NoError = 0;
    public const int NameError = 3;
    public const int Refused = 5;

    /// <summary>The answer for a name outside every served zone.</summary>
    public static ZoneAnswer NotServed { get; } = new(Refused, [], []);
}
