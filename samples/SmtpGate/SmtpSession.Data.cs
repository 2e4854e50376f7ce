using System.Text;
using Dnsbl.Client;

namespace Dnsbl.Samples.SmtpGate;

internal sealed partial class SmtpSession
{
    private async Task DataAsync(CancellationToken cancellationToken)
    {
        if (_recipients.Count == 0)
        {
            await ReplyAsync("503 5.5.1 Error: need RCPT command", cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", cancellationToken).ConfigureAwait(false);
        var (body, tooBig) = await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            _quit = true; // the client went away mid-message: nothing to accept
            return;
        }

        if (tooBig)
        {
            ResetTransaction();
            await ReplyAsync("552 5.3.4 Error: message too big or line too long", cancellationToken).ConfigureAwait(false);
            return;
        }

        var sender = _sender ?? string.Empty;
        var messageResult = await _judge.JudgeMessageAsync(_client, _helo, sender, body, cancellationToken).ConfigureAwait(false);
        if (messageResult?.Verdict is DnsblVerdict.Reject or DnsblVerdict.Defer)
        {
            ResetTransaction();
            var reply = messageResult.Verdict == DnsblVerdict.Reject
                ? $"550 5.7.1 Message content rejected: {GateJudge.BlockingListAndInput(messageResult)}"
                : "451 4.7.1 Message deferred; DNS lists did not answer";
            await ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        var score = messageResult?.Score ?? Score(_clientResult) + Score(_heloResult) + Score(_senderResult);
        var content = $"X-Dnsbl-Score: {ScoreHeader(score, messageResult)}\r\n{body}";
        var queueId = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var message = new AcceptedMessage(queueId, _client, _helo ?? string.Empty, sender, [.. _recipients], score, content) { MessageResult = messageResult };
        ResetTransaction();
        if (_options.MessageAccepted is { } accepted)
        {
            await accepted(message, cancellationToken).ConfigureAwait(false);
        }

        await ReplyAsync($"250 2.0.0 Ok: queued as {queueId}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the message up to the lone dot: null when the client went away; too big past the size limit.</summary>
    private async Task<(string? Body, bool TooBig)> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        var tooBig = false;
        while (true)
        {
            var (line, tooLong) = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return (null, tooBig);
            }

            if (line == ".")
            {
                return (tooBig ? string.Empty : body.ToString(), tooBig);
            }

            // RFC 5321 §4.5.2: a leading dot was doubled by the client.
            var text = line.StartsWith('.') ? line[1..] : line;
            tooBig |= tooLong || body.Length + text.Length + 2 > _options.MaxMessageBytes;
            if (!tooBig)
            {
                body.Append(text).Append("\r\n");
            }
        }
    }
}
