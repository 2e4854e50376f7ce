using System.Net;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>What a listed entry answers: one A code and an optional TXT template (<c>$</c> = the queried key).</summary>
internal sealed record ListingValue(IPAddress Code, string? TextTemplate)
{
    /// <summary>rbldnsd's answer when neither the entry nor a default line gives a code.</summary>
    public static ListingValue Default { get; } = new(IPAddress.Parse("127.0.0.2"), null);
}
