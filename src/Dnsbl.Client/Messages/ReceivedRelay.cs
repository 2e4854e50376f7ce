using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>One hop of a Received chain: the client that handed the message to the MTA that wrote the header.</summary>
/// <param name="Address">The client's IP address, or null when the header names none (local submission).</param>
/// <param name="Helo">The HELO/EHLO name the client gave, or null.</param>
/// <param name="ReverseDns">The client's reverse DNS name as the MTA saw it, or null ("unknown" becomes null).</param>
/// <param name="Raw">The Received header value it came from.</param>
internal sealed record ReceivedRelay(IPAddress? Address, string? Helo, string? ReverseDns, string Raw);
