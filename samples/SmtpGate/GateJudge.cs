using System.Net;
using Dnsbl.Client;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>Scores the client address, HELO name and sender domain, and logs each explanation.</summary>
internal sealed partial class GateJudge
{
    private readonly DnsblClient _client;
    private readonly TimeSpan _deadline;
    private readonly ILogger _logger;

    public GateJudge(DnsblClient client, TimeSpan deadline, ILogger logger)
    {
        _client = client;
        _deadline = deadline;
        _logger = logger;
    }

    /// <summary>The client's result, or null when the deadline ran out (the caller fails open).</summary>
    public async Task<DnsblCheckResult?> JudgeClientAsync(IPAddress address, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_deadline);
        try
        {
            var result = await _client.CheckAsync(address, deadline.Token).ConfigureAwait(false);
            Explain("client", address.ToString(), result);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeadline(_logger, "client", address.ToString(), _deadline);
            return null;
        }
    }

    /// <summary>The domain's result; null when there is no domain (address literal, null sender) or the deadline ran out.</summary>
    public async Task<DnsblCheckResult?> JudgeDomainAsync(string role, string? domain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(domain) || domain.StartsWith('['))
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_deadline);
        try
        {
            var result = await _client.CheckDomainAsync(domain, deadline.Token).ConfigureAwait(false);
            Explain(role, domain, result);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeadline(_logger, role, domain, _deadline);
            return null;
        }
        catch (ArgumentException exception)
        {
            // Not a domain name at all (a bare word HELO, say): nothing a DNS list could list.
            LogNotADomain(_logger, role, domain, exception.Message);
            return null;
        }
    }

    /// <summary>The list that weighs most in a rejecting result, shown in the reply.</summary>
    public static string BlockingListName(DnsblCheckResult result) =>
        result.Lists
            .Where(o => o.Kind == ListOutcomeKind.Listed && !o.List.IsAllowList)
            .OrderByDescending(o => o.Weight)
            .Select(o => o.List.DisplayZone)
            .FirstOrDefault() ?? "DNS lists";

    private void Explain(string role, string input, DnsblCheckResult result)
    {
        var explanation = string.Join("; ", result.Explain());
        LogScored(_logger, role, input, result.Score, result.Verdict, explanation.Length == 0 ? "listed nowhere" : explanation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Role} {Input}: score {Score} verdict {Verdict}: {Explanation}")]
    private static partial void LogScored(ILogger logger, string role, string input, double score, DnsblVerdict verdict, string explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Role} {Input}: not checked: {Problem}")]
    private static partial void LogNotADomain(ILogger logger, string role, string input, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Role} {Input}: no DNSBL answer within {Deadline}; accepting")]
    private static partial void LogDeadline(ILogger logger, string role, string input, TimeSpan deadline);
}
