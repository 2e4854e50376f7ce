using Dnsbl.Client.Caching;

namespace Dnsbl.Client;

/// <summary>
/// What a client shares with the other clients of a fleet (e.g. through Redis, the <c>Dnsbl.Client.Redis</c> package):
/// each part is optional, and a client without one works alone as before.
/// </summary>
public sealed class DnsblSharing
{
    /// <summary>A second answer cache behind the in-process one, shared by the fleet; none by default.</summary>
    public ISharedAnswerCache? Answers { get; init; }
}
