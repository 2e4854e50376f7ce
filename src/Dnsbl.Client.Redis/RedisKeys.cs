using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dnsbl.Client.Caching;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis;

/// <summary>
/// Builds the Redis key of a shared answer: <c>{prefix}a:{zone hash}:{name}</c>. The zone is always hashed (SHA-256,
/// first 10 bytes in hex): a DQS key inside it never reaches Redis in clear, and every zone is treated alike so
/// no rule about which zones hold secrets can miss one.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    private readonly ConcurrentDictionary<string, string> _zonePrefixes = new(StringComparer.Ordinal);

    public string Prefix { get; } = prefix;

    public RedisKey AnswerKey(in SharedAnswerKey key) => ZonePrefix(key.Zone) + key.Name;

    /// <summary>The hash that stands for <paramref name="zone"/> in keys (also for tests: the zone must not appear).</summary>
    public static string ZoneHash(string zone) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(zone.ToLowerInvariant())).AsSpan(0, 10));

    private string ZonePrefix(string zone) =>
        _zonePrefixes.GetOrAdd(zone, static (z, prefix) => $"{prefix}a:{ZoneHash(z)}:", Prefix);
}
