using System.Net;
using System.Text;
using Dnsbl.Client;
using Dnsbl.Client.Messages;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Samples.SmtpGate;

internal sealed partial class GateJudge
{
    /// <summary>
    /// Scores the whole message after DATA: the session facts (client, HELO, envelope sender) plus what the message says
    /// (From, Reply-To, links). Null when the deadline ran out (the caller fails open).
    /// </summary>
    public async Task<DnsblMessageResult?> JudgeMessageAsync(
        IPAddress client, string? helo, string sender, string content, CancellationToken cancellationToken)
    {
        // The session reads octets as Latin-1 chars, so the raw-byte parser can honour each part's declared charset.
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(content));
        var parsed = await MessageContext.ParseAsync(stream, cancellationToken).ConfigureAwait(false);

        // The session knows the client first-hand, so the gate adds no Received header of its own: ConnectingAddress
        // is the newest hop, and the envelope sender outranks any Return-Path the client wrote.
        var message = new MessageContext
        {
            ConnectingAddress = client,
            HeloName = helo,
            MailFrom = sender,
            HeaderFrom = parsed.HeaderFrom,
            ReplyTo = parsed.ReplyTo,
            ReceivedHeaders = parsed.ReceivedHeaders,
            TextBody = parsed.TextBody,
            HtmlBody = parsed.HtmlBody,
            Problems = parsed.Problems,
        };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_deadline);
        var input = $"from [{client}]";
        try
        {
            var result = await _client.CheckMessageAsync(message, options: null, deadline.Token).ConfigureAwait(false);
            var explanation = string.Join("; ", result.Explain());
            LogScored(_logger, "message", input, result.Score, result.Verdict, explanation);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeadline(_logger, "message", input, _deadline);
            return null;
        }
    }

    /// <summary>The list and input that weigh most in a rejecting message result, e.g. <c>dbl.example (link spam.example)</c>.</summary>
    public static string BlockingListAndInput(DnsblMessageResult result) =>
        result.Lookups
            .Where(l => l.Kind == ListOutcomeKind.Listed && !l.List.IsAllowList && l.CountedWeight > 0)
            .OrderByDescending(l => l.CountedWeight)
            .Select(l => $"{l.List.DisplayZone} ({SourceName(l.Source)} {l.Outcome.Input})")
            .FirstOrDefault() ?? "DNS lists";

    /// <summary>A short lower-case name of where a key came from, for replies and headers.</summary>
    public static string SourceName(MessageKeySource source) => source switch
    {
        MessageKeySource.ConnectingClient => "client",
        MessageKeySource.Relay => "relay",
        MessageKeySource.Helo => "helo",
        MessageKeySource.ReverseDns => "rdns",
        MessageKeySource.MailFrom => "sender",
        MessageKeySource.HeaderFrom => "from",
        MessageKeySource.ReplyTo => "reply-to",
        MessageKeySource.Link => "link",
        _ => source.ToString(),
    };
}
