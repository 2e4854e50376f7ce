using System.Net;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>A message the gate accepted, with the score header already added.</summary>
/// <param name="QueueId">The id in the 250 reply.</param>
/// <param name="ClientAddress">The judged client address.</param>
/// <param name="HeloName">The HELO/EHLO name.</param>
/// <param name="Sender">The MAIL FROM address (empty for the null sender).</param>
/// <param name="Recipients">The RCPT TO addresses.</param>
/// <param name="Score">The combined score of client, HELO and sender domain.</param>
/// <param name="Content">The message, dot-unstuffed, CRLF line ends, <c>X-Dnsbl-Score</c> first.</param>
public sealed record AcceptedMessage(
    string QueueId, IPAddress ClientAddress, string HeloName, string Sender, IReadOnlyList<string> Recipients, double Score, string Content);
