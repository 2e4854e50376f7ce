using System.Buffers;
using System.Security.Cryptography;

namespace Dnsbl.Client.Redis.Health;

/// <summary>
/// A node's name in the fleet: letters, digits, '.', '_' and '-', at most 64 characters. The default is the host name,
/// the process id and 4 random bytes (so a restarted process is a new node); none of it is a secret.
/// </summary>
internal static class NodeIds
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= HealthConstants.MaximumNodeIdLength && !id.AsSpan().ContainsAnyExcept(Allowed);

    public static string CreateDefault()
    {
        var host = new string([.. Environment.MachineName.Where(c => Allowed.Contains(c)).Take(40)]);
        return $"{(host.Length == 0 ? "node" : host)}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }
}
