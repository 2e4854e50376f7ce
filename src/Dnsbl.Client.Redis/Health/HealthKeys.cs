using System.Security.Cryptography;
using System.Text;
using Dnsbl.Client.Lists;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis.Health;

/// <summary>
/// The keys of the fleet's shared health, all under <c>{prefix}h:</c>: the lease, the states and overrides hashes
/// (one field per list: a hash of its name and zone, so a DQS key in the zone never reaches Redis), the node set and
/// the change channel.
/// </summary>
internal sealed class HealthKeys(string prefix)
{
    public RedisKey Lease { get; } = prefix + "h:lease";

    public RedisKey States { get; } = prefix + "h:states";

    public RedisKey Overrides { get; } = prefix + "h:overrides";

    public RedisKey Nodes { get; } = prefix + "h:nodes";

    public RedisChannel Changed { get; } = RedisChannel.Literal(prefix + "h:changed");

    public string Prefix { get; } = prefix;

    /// <summary>The field that stands for <paramref name="list"/>: SHA-256 of name and zone, first 10 bytes in hex.</summary>
    public static string ListField(DnsList list) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(list.Name + "\n" + list.Zone.ToLowerInvariant())).AsSpan(0, 10));
}
