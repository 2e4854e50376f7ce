using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>One hop of a Received chain: the client that handed the message to the MTA that wrote the header.</summary>
/// <param name="Address">The client's address as the receiving MTA recorded it, or null when the header names none.</param>
/// <param name="Helo">The HELO/EHLO name the client gave, or null.</param>
/// <param name="ReverseDns">The client's reverse DNS name as the MTA saw it, or null ("unknown" becomes null).</param>
/// <param name="By">The receiving host ("by" clause); empty for an X-Originating-IP style header.</param>
/// <param name="Auth">How the client authenticated (ESMTPSA, "Postfix", "Sendmail"...), or null when it did not.</param>
/// <param name="Raw">The header value it came from.</param>
internal sealed record ReceivedRelay(IPAddress? Address, string? Helo, string? ReverseDns, string By, string? Auth, string Raw)
{
    /// <summary>Whether the client authenticated to the receiving MTA (an authenticated submission is a trusted hop).</summary>
    public bool IsAuthenticated => Auth is not null;
}
