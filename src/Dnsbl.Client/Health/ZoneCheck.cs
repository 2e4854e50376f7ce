namespace Dnsbl.Client.Health;

/// <summary>What the zone and nameserver checks (RFC 6471 §3) found; a null <see cref="Finding"/> means nothing wrong was shown.</summary>
internal sealed record ZoneCheck(ListHealthState? Finding, string? Reason, bool Failed)
{
    public static readonly ZoneCheck Fine = new(null, null, Failed: false);

    public static readonly ZoneCheck Inconclusive = new(null, null, Failed: true);
}
