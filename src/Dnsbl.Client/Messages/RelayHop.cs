using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>A relay address chosen for IP-list lookups.</summary>
/// <param name="Address">The address to ask about.</param>
/// <param name="Source">ConnectingClient, Relay or OriginatingIp.</param>
/// <param name="Origin">The Received header (or originating-IP header) it came from, or "connecting client".</param>
internal sealed record RelayHop(IPAddress Address, MessageKeySource Source, string Origin);
