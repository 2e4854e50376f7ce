namespace Dnsbl.Client.Redis.Health;

/// <summary>One node of the fleet as it last checked in.</summary>
/// <param name="NodeId">The node's name (host, process id and a random part unless configured).</param>
/// <param name="LastCheckIn">When it last synced with the fleet.</param>
/// <param name="IsLeader">Whether it holds the health lease.</param>
/// <remarks>Immutable, so thread-safe.</remarks>
public sealed record DnsblFleetNode(string NodeId, DateTimeOffset LastCheckIn, bool IsLeader);
