using Dnsbl.Client;

namespace Dnsbl.Samples.SmtpGate;

internal sealed partial class SmtpSession
{
    private const int MaxRecipients = 100;
    private readonly List<string> _recipients = [];
    private string? _helo;
    private DnsblCheckResult? _heloResult;
    private string? _sender;
    private DnsblCheckResult? _senderResult;

    private async Task HeloAsync(string name, bool extended, CancellationToken cancellationToken)
    {
        if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal))
        {
            await ReplyAsync($"501 5.5.4 Syntax: {(extended ? "EHLO" : "HELO")} hostname", cancellationToken).ConfigureAwait(false);
            return;
        }

        ResetTransaction();
        _helo = name;
        _heloResult = await _judge.JudgeDomainAsync("helo", name, cancellationToken).ConfigureAwait(false);
        var reply = extended
            ? $"250-{_options.HostName}\r\n250-SIZE {_options.MaxMessageBytes}\r\n250-8BITMIME\r\n{(_options.AllowXclient && _fromLoopback ? "250-XCLIENT ADDR\r\n" : string.Empty)}250 ENHANCEDSTATUSCODES"
            : $"250 {_options.HostName}";
        await ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>MAIL FROM: scores the sender domain; rejects when the HELO name or the sender domain is listed.</summary>
    private async Task MailAsync(string argument, CancellationToken cancellationToken)
    {
        if (_helo is null)
        {
            await ReplyAsync("503 5.5.1 Error: send HELO/EHLO first", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_sender is not null)
        {
            await ReplyAsync("503 5.5.1 Error: nested MAIL command", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!TryPath(argument, "FROM:", out var sender))
        {
            await ReplyAsync("501 5.5.4 Syntax: MAIL FROM:<address>", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_heloResult?.Verdict == DnsblVerdict.Reject)
        {
            var list = GateJudge.BlockingListName(_heloResult);
            await ReplyAsync($"550 5.7.1 <{_helo}>: Helo command rejected: Host name listed by {list}", cancellationToken).ConfigureAwait(false);
            return;
        }

        var at = sender.LastIndexOf('@');
        var result = await _judge.JudgeDomainAsync("sender", at < 0 ? null : sender[(at + 1)..], cancellationToken).ConfigureAwait(false);
        if (result?.Verdict == DnsblVerdict.Reject)
        {
            var list = GateJudge.BlockingListName(result);
            await ReplyAsync($"550 5.7.1 <{sender}>: Sender address rejected: domain listed by {list}", cancellationToken).ConfigureAwait(false);
            return;
        }

        _sender = sender;
        _senderResult = result;
        await ReplyAsync("250 2.1.0 Ok", cancellationToken).ConfigureAwait(false);
    }

    private async Task RcptAsync(string argument, CancellationToken cancellationToken)
    {
        if (_sender is null)
        {
            await ReplyAsync("503 5.5.1 Error: need MAIL command", cancellationToken).ConfigureAwait(false);
        }
        else if (!TryPath(argument, "TO:", out var recipient) || recipient.Length == 0)
        {
            await ReplyAsync("501 5.5.4 Syntax: RCPT TO:<address>", cancellationToken).ConfigureAwait(false);
        }
        else if (_recipients.Count >= MaxRecipients)
        {
            await ReplyAsync("452 4.5.3 Error: too many recipients", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _recipients.Add(recipient);
            await ReplyAsync("250 2.1.5 Ok", cancellationToken).ConfigureAwait(false);
        }
    }

    private void ResetTransaction()
    {
        _sender = null;
        _senderResult = null;
        _recipients.Clear();
    }

    /// <summary>Reads <c>FROM:&lt;path&gt; [parameters]</c>; the path may be empty (the null sender).</summary>
    private static bool TryPath(string argument, string keyword, out string path)
    {
        path = string.Empty;
        if (!argument.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = argument[keyword.Length..].TrimStart();
        var close = rest.IndexOf('>', StringComparison.Ordinal);
        if (!rest.StartsWith('<') || close < 0)
        {
            return false;
        }

        path = rest[1..close];
        return true;
    }
}
