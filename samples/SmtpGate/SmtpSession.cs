using System.Net;
using System.Text;
using Dnsbl.Client;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>One SMTP connection: greeting decided by the client's DNSBL verdict, then a minimal RFC 5321 dialogue.</summary>
internal sealed partial class SmtpSession
{
    private readonly Stream _stream;
    private readonly SmtpLineReader _reader;
    private readonly SmtpGateOptions _options;
    private readonly GateJudge _judge;
    private readonly ILogger _logger;
    private readonly bool _fromLoopback;
    private IPAddress _client;
    private DnsblCheckResult? _clientResult;
    private bool _rejected;
    private bool _quit;

    public SmtpSession(Stream stream, IPAddress peer, SmtpGateOptions options, GateJudge judge, ILogger logger)
    {
        _stream = stream;
        _reader = new SmtpLineReader(stream);
        _options = options;
        _judge = judge;
        _logger = logger;
        _fromLoopback = IPAddress.IsLoopback(peer);
        _client = options.PretendClientAddress ?? (peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await GreetAsync(cancellationToken).ConfigureAwait(false);
        while (!_quit)
        {
            var (line, tooLong) = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return;
            }

            if (tooLong)
            {
                await ReplyAsync("500 5.5.2 Error: line too long", cancellationToken).ConfigureAwait(false);
                continue;
            }

            await HandleAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Scores the client and greets: 554 when the verdict is Reject, 421 on Defer, 220 otherwise.</summary>
    private async Task GreetAsync(CancellationToken cancellationToken)
    {
        ResetTransaction();
        _helo = null;
        _heloResult = null;
        _clientResult = await _judge.JudgeClientAsync(_client, cancellationToken).ConfigureAwait(false);
        _rejected = _clientResult?.Verdict == DnsblVerdict.Reject;
        var greeting = _clientResult?.Verdict switch
        {
            DnsblVerdict.Reject =>
                $"554 5.7.1 Service unavailable; client [{_client}] blocked using {GateJudge.BlockingListName(_clientResult)}",
            DnsblVerdict.Defer => $"421 4.7.0 {_options.HostName} Service temporarily unavailable; DNS lists did not answer",
            _ => $"220 {_options.HostName} ESMTP Dnsbl.Client SmtpGate",
        };
        await ReplyAsync(greeting, cancellationToken).ConfigureAwait(false);
        _quit = _clientResult?.Verdict == DnsblVerdict.Defer;
    }

    private Task HandleAsync(string line, CancellationToken cancellationToken)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
        var argument = space < 0 ? string.Empty : line[(space + 1)..].Trim();
        if (verb == "QUIT")
        {
            _quit = true;
            return ReplyAsync("221 2.0.0 Bye", cancellationToken);
        }

        if (verb == "XCLIENT")
        {
            return XclientAsync(argument, cancellationToken);
        }

        if (_rejected)
        {
            // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT and answers 503 to everything else.
            return ReplyAsync("503 5.5.1 Error: service unavailable, send QUIT", cancellationToken);
        }

        return verb switch
        {
            "EHLO" => HeloAsync(argument, extended: true, cancellationToken),
            "HELO" => HeloAsync(argument, extended: false, cancellationToken),
            "MAIL" => MailAsync(argument, cancellationToken),
            "RCPT" => RcptAsync(argument, cancellationToken),
            "DATA" => DataAsync(cancellationToken),
            "RSET" => RsetAsync(cancellationToken),
            "NOOP" => ReplyAsync("250 2.0.0 Ok", cancellationToken),
            _ => ReplyAsync("502 5.5.2 Error: command not recognized", cancellationToken),
        };
    }

    /// <summary>Postfix's XCLIENT ADDR=: a trusted proxy (here: a loopback client, when allowed) names the real client.</summary>
    private async Task XclientAsync(string argument, CancellationToken cancellationToken)
    {
        if (!_options.AllowXclient || !_fromLoopback)
        {
            await ReplyAsync("550 5.7.0 Error: insufficient authorization", cancellationToken).ConfigureAwait(false);
            return;
        }

        var address = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(a => a.StartsWith("ADDR=", StringComparison.OrdinalIgnoreCase))
            .Select(a => a["ADDR=".Length..])
            .Select(a => a.StartsWith("IPV6:", StringComparison.OrdinalIgnoreCase) ? a["IPV6:".Length..] : a)
            .FirstOrDefault();
        if (address is null || !IPAddress.TryParse(address, out var parsed))
        {
            await ReplyAsync("501 5.5.4 Syntax: XCLIENT ADDR=address", cancellationToken).ConfigureAwait(false);
            return;
        }

        _client = parsed;
        await GreetAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task RsetAsync(CancellationToken cancellationToken)
    {
        ResetTransaction();
        return ReplyAsync("250 2.0.0 Ok", cancellationToken);
    }

    private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
