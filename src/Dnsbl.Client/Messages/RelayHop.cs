using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>A relay address chosen for IP-list lookups.</summary>
/// <param name="Address">The public address to ask about.</param>
/// <param name="Source"><see cref="MessageKeySource.ConnectingClient"/> or <see cref="MessageKeySource.Relay"/>.</param>
/// <param name="Origin">The Received header it came from, or "connecting client".</param>
internal sealed record RelayHop(IPAddress Address, MessageKeySource Source, string Origin);
