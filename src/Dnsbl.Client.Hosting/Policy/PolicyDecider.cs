using System.Net;
using Dnsbl.Client.Messages;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Policy;

/// <summary>
/// Turns a request into an access(5) action: the client address against the IP lists, the HELO name, verified client
/// name and sender domain against the domain lists, as one message check (one score, each list rule counted once),
/// then the verdict into an action. Decisions are reused per transaction (<see cref="PolicyTransactionCache"/>).
/// Thread-safe.
/// </summary>
internal sealed partial class PolicyDecider
{
    // A decision reached with failed or missing lists is kept only this long: long enough for one transaction's
    // recipients, short enough that a DNS hiccup does not let a listed client through for minutes.
    private static readonly TimeSpan IncompleteDecisionTime = TimeSpan.FromSeconds(30);

    private readonly DnsblClient _client;
    private readonly PolicySettings _settings;
    private readonly PolicyTransactionCache _cache;
    private readonly PolicyMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PolicyDecider(DnsblClient client, PolicySettings settings, PolicyMetrics metrics, TimeProvider time, ILogger logger)
    {
        _logger = logger;
        _client = client;
        _settings = settings;
        _metrics = metrics;
        _time = time;
        _cache = new PolicyTransactionCache(settings.TransactionCacheSize);
    }

    public int CachedDecisions => _cache.Count;

    /// <summary>The action for <paramref name="request"/> (without <c>action=</c>); never throws but for <paramref name="cancellationToken"/>.</summary>
    public async ValueTask<(PolicyOutcome Outcome, string Action)> DecideAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        if (request.MalformedLine is not null || !string.Equals(request.Request, PolicyConstants.AccessPolicyRequest, StringComparison.Ordinal))
        {
            return (PolicyOutcome.BadRequest, _settings.ErrorActionText("the policy request was malformed"));
        }

        var key = PolicyTransactionCache.KeyOf(request);
        var now = _time.GetUtcNow();
        if (_settings.TransactionCacheTime > TimeSpan.Zero && _cache.TryGet(key, now, out var cached))
        {
            _metrics.TransactionCacheHit();
            return cached.AnswerFor(request.Instance, request.ProtocolState);
        }

        DnsblMessageResult result;
        var client = ParseAddress(request.ClientAddress);
        try
        {
            result = await _client.CheckMessageAsync(ContextOf(request, client), options: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A check throws only on misuse (a disposed client during shutdown) or a bug: fail as configured, never crash.
            _metrics.CheckFailed();
            PolicyLog.CheckFailed(_logger, failure);
            return (PolicyOutcome.Error, _settings.ErrorActionText("the DNS list check failed"));
        }

        var decision = DecisionOf(result, client, now);
        var level = decision.Outcome is PolicyOutcome.Reject or PolicyOutcome.Error ? LogLevel.Information : LogLevel.Debug;
        if (_logger.IsEnabled(level))
        {
            var (shownClient, shownHelo, shownSender) = (Shown(request.ClientAddress), Shown(request.HeloName), Shown(request.Sender));
            PolicyLog.Decision(_logger, level, decision.Outcome, shownClient, shownHelo, shownSender, decision.Action);
        }

        if (_settings.TransactionCacheTime > TimeSpan.Zero)
        {
            _cache.Add(key, decision, now);
        }

        return decision.AnswerFor(request.Instance, request.ProtocolState);
    }

    private static MessageContext ContextOf(PolicyRequest request, IPAddress? client) => new()
    {
        ConnectingAddress = client,
        HeloName = NullIfEmpty(request.HeloName),
        ReverseDnsName = request.ClientName is "unknown" ? null : NullIfEmpty(request.ClientName),
        MailFrom = NullIfEmpty(request.Sender),
    };

    private static IPAddress? ParseAddress(string? text) =>
        // Postfix sends a canonical literal; the looser forms IPAddress also reads ("1", "0x7f000001") are not addresses here.
        text is not null && (text.Contains('.') || text.Contains(':')) && IPAddress.TryParse(text, out var address) ? address : null;

    private static string Shown(string? value) => PolicyWireText.Sanitize(value ?? "", 255);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
