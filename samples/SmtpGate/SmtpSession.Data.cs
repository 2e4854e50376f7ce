using System.Globalization;
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
        var score = Score(_clientResult) + Score(_heloResult) + Score(_senderResult);
        var content = new StringBuilder();
        content.Append("X-Dnsbl-Score: ").Append(ScoreHeader(score)).Append("\r\n");
        var tooBig = false;
        while (true)
        {
            var (line, tooLong) = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                _quit = true; // the client went away mid-message: nothing to accept
                return;
            }

            if (line == ".")
            {
                break;
            }

            // RFC 5321 §4.5.2: a leading dot was doubled by the client.
            var text = line.StartsWith('.') ? line[1..] : line;
            tooBig |= tooLong || content.Length + text.Length + 2 > _options.MaxMessageBytes;
            if (!tooBig)
            {
                content.Append(text).Append("\r\n");
            }
        }

        if (tooBig)
        {
            ResetTransaction();
            await ReplyAsync("552 5.3.4 Error: message too big or line too long", cancellationToken).ConfigureAwait(false);
            return;
        }

        var queueId = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var message = new AcceptedMessage(queueId, _client, _helo ?? string.Empty, _sender ?? string.Empty, [.. _recipients], score, content.ToString());
        ResetTransaction();
        if (_options.MessageAccepted is { } accepted)
        {
            await accepted(message, cancellationToken).ConfigureAwait(false);
        }

        await ReplyAsync($"250 2.0.0 Ok: queued as {queueId}", cancellationToken).ConfigureAwait(false);
    }

    private static double Score(DnsblCheckResult? result) => result?.Score ?? 0;

    /// <summary>The header value: the total, then each part, so a filter downstream can see what counted.</summary>
    private string ScoreHeader(double total)
    {
        var parts = new List<string> { Part("client", $"[{_client}]", _clientResult) };
        if (_helo is not null)
        {
            parts.Add(Part("helo", _helo, _heloResult));
        }

        if (!string.IsNullOrEmpty(_sender))
        {
            parts.Add(Part("sender", _sender, _senderResult));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{total} ({string.Join("; ", parts)})");
    }

    private static string Part(string role, string input, DnsblCheckResult? result)
    {
        if (result is null)
        {
            return $"{role} {input} unchecked";
        }

        var listed = result.Lists.Where(o => o.Kind == ListOutcomeKind.Listed).Select(o => o.List.DisplayZone).ToList();
        var where = listed.Count == 0 ? string.Empty : $" {string.Join(",", listed)}";
        return string.Create(CultureInfo.InvariantCulture, $"{role} {input}={result.Score}{where}");
    }
}
