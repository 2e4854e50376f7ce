namespace Dnsbl.Client.Lists;

/// <summary>Domain name validation and normalisation (lower case, no trailing dot, IDN to punycode, RFC 1035 limits).</summary>
internal static class DomainName
{
    // CONTRACT (Lists owner implements): TryNormalize(string input, out string normalized, out string error),
    // Normalize(string) throwing DomainNameException-style ArgumentException, NormalizeZone for zones.
    public static string NormalizeZone(string zone) => zone.Trim().TrimEnd('.').ToLowerInvariant();
}
