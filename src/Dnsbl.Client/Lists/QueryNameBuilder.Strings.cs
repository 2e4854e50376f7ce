using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Dnsbl.Client.Lists;

/// <summary>String-returning conveniences for configuration, health probes and tests (the hot path uses the span writers).</summary>
internal static partial class QueryNameBuilder
{
    /// <summary>The query name of an address under <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentException">The name would exceed 253 characters.</exception>
    public static string ForAddress(IPAddress address, string zone)
    {
        Span<char> buffer = stackalloc char[DomainName.MaxLength];
        return TryWriteAddress(address, zone, buffer, out var written)
            ? new string(buffer[..written])
            : throw new ArgumentException($"The query name for {address} under \"{zone}\" would exceed {DomainName.MaxLength} characters.", nameof(zone));
    }

    /// <summary>Normalises <paramref name="domain"/> and builds its query name under <paramref name="zone"/>, or says why not.</summary>
    public static bool TryBuildDomain(string domain, string zone, [NotNullWhen(true)] out string? queryName, [NotNullWhen(false)] out string? error)
    {
        queryName = null;
        if (!DomainName.TryNormalize(domain, out var normalized, out error))
        {
            return false;
        }

        var length = normalized.Length + 1 + zone.Length;
        if (length > DomainName.MaxLength)
        {
            error = $"the query name {normalized}.{zone} would be {length} characters; the limit is {DomainName.MaxLength}";
            return false;
        }

        queryName = string.Concat(normalized, ".", zone);
        return true;
    }

    /// <summary>The query name of a domain under <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentException">The domain is invalid or the name would be too long; the message says why.</exception>
    public static string ForDomain(string domain, string zone) =>
        TryBuildDomain(domain, zone, out var queryName, out var error)
            ? queryName
            : throw new ArgumentException($"Cannot look up \"{domain}\" under \"{zone}\": {error}.", nameof(domain));
}
