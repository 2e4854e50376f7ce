using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>
/// What is known about one message: the SMTP session facts an MTA has (client address, HELO, reverse DNS, envelope
/// sender) and what the message itself says (headers, Received chain, bodies). Every property is optional; a check uses
/// what is there. Build it from the session, or read a whole message with <see cref="Parse"/> / <see cref="ParseAsync"/>.
/// </summary>
/// <remarks>Immutable once parsed, so thread-safe: several checks may read one context at once.</remarks>
public sealed class MessageContext
{
    /// <summary>The IP address of the client connected to this MTA; null uses the newest Received hop instead.</summary>
    public IPAddress? ConnectingAddress { get; init; }

    /// <summary>The HELO/EHLO name the client gave.</summary>
    public string? HeloName { get; init; }

    /// <summary>The client's verified reverse DNS name, if any.</summary>
    public string? ReverseDnsName { get; init; }

    /// <summary>The envelope sender (MAIL FROM, or the Return-Path header of a delivered message); empty for the null sender.</summary>
    public string? MailFrom { get; init; }

    /// <summary>The address of the From header (the address only, without display name).</summary>
    public string? HeaderFrom { get; init; }

    /// <summary>The address of the Reply-To header (the first one when there are several).</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Every header field of the message (unfolded, trimmed), in order; read for DKIM-Signature and originating-IP headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The raw values of the Received headers, newest (topmost) first.</summary>
    public IReadOnlyList<string> ReceivedHeaders { get; init; } = [];

    /// <summary>The decoded text/plain body.</summary>
    public string? TextBody { get; init; }

    /// <summary>The decoded text/html body.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Where each text part ends in <see cref="TextBody"/> (the parts are joined by a line break); null for one part.</summary>
    internal IReadOnlyList<int>? TextPartEnds { get; init; }

    /// <summary>Where each HTML part ends in <see cref="HtmlBody"/>; null for one part.</summary>
    internal IReadOnlyList<int>? HtmlPartEnds { get; init; }

    /// <summary>Problems met while parsing the message; parsing never throws on malformed input.</summary>
    public IReadOnlyList<MessageProblem> Problems { get; init; } = [];

    /// <summary>
    /// Reads an RFC 5322 message: unfolds headers, takes Received values, From, Reply-To and Return-Path (as
    /// <see cref="MailFrom"/>), and decodes the text/plain and text/html parts (quoted-printable and base64, any charset
    /// .NET knows; others fall back to UTF-8 or Latin-1). Session facts (<see cref="ConnectingAddress"/>,
    /// <see cref="HeloName"/>, <see cref="ReverseDnsName"/>) are left null. Malformed input is recorded in
    /// <see cref="Problems"/>, never thrown. At most 10 MiB and 100 Received headers are read.
    /// </summary>
    /// <param name="rfc5322Text">The whole message, headers and body.</param>
    /// <returns>The message context.</returns>
    public static MessageContext Parse(string rfc5322Text)
    {
        ArgumentNullException.ThrowIfNull(rfc5322Text);
        return MessageParser.Parse(rfc5322Text.AsMemory(), textIsRawBytes: false);
    }

    /// <summary>Reads an RFC 5322 message from <paramref name="message"/> as <see cref="Parse"/> does.</summary>
    /// <param name="message">The message bytes; read up to the 10 MiB limit, not disposed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message context.</returns>
    public static async Task<MessageContext> ParseAsync(Stream message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Latin-1 maps each byte to one char, so 8bit parts can be re-decoded later with their declared charset.
        var (context, truncated) = await MessageParser.ParseAsync(message, cancellationToken).ConfigureAwait(false);
        if (!truncated)
        {
            return context;
        }

        return context.WithProblem(MessageProblem.Create(MessageProblemKind.Truncated, $"message larger than {MessageConstants.MaxMessageBytes} bytes"));
    }

    internal MessageContext WithProblem(MessageProblem problem) => new()
    {
        ConnectingAddress = ConnectingAddress,
        HeloName = HeloName,
        ReverseDnsName = ReverseDnsName,
        MailFrom = MailFrom,
        HeaderFrom = HeaderFrom,
        ReplyTo = ReplyTo,
        Headers = Headers,
        ReceivedHeaders = ReceivedHeaders,
        TextBody = TextBody,
        HtmlBody = HtmlBody,
        TextPartEnds = TextPartEnds,
        HtmlPartEnds = HtmlPartEnds,
        Problems = [.. Problems, problem],
    };
}
