using System.Net;
using Dnsbl.Client;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>A message the gate accepted, with the score header already added.</summary>
/// <param name="QueueId">The id in the 250 reply.</param>
/// <param name="ClientAddress">The judged client address.</param>
/// <param name="HeloName">The HELO/EHLO name.</param>
/// <param name="Sender">The MAIL FROM address (empty for the null sender).</param>
/// <param name="Recipients">The RCPT TO addresses.</param>
/// <param name="Score">
/// The message's score (session facts, headers and links, each list rule counted once); when the message check ran out of
/// time, the sum of the client, HELO and sender domain scores.
/// </param>
/// <param name="Content">The message, dot-unstuffed, CRLF line ends, <c>X-Dnsbl-Score</c> first.</param>
public sealed record AcceptedMessage(
    string QueueId, IPAddress ClientAddress, string HeloName, string Sender, IReadOnlyList<string> Recipients, double Score, string Content)
{
    /// <summary>The whole-message check with every lookup and its source; null when it did not finish in time.</summary>
    public DnsblMessageResult? MessageResult { get; init; }
}
