using System.Globalization;
using Dnsbl.Client;

namespace Dnsbl.Samples.SmtpGate;

internal sealed partial class SmtpSession
{
    // Keeps the header well inside RFC 5322's 998-character line limit however many links hit.
    private const int MaxListedInHeader = 8;

    private static double Score(DnsblCheckResult? result) => result?.Score ?? 0;

    /// <summary>
    /// The header value: the total, then each session part and the message verdict with every listed input, so a filter
    /// downstream can see what counted.
    /// </summary>
    private string ScoreHeader(double total, DnsblMessageResult? message)
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

        parts.Add(MessagePart(message));
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

    /// <summary><c>message=SCORE VERDICT</c>, then <c>list:source input=weight</c> for each listed input.</summary>
    private static string MessagePart(DnsblMessageResult? message)
    {
        if (message is null)
        {
            return "message unchecked";
        }

        var listed = message.Lookups
            .Where(l => l.Kind == ListOutcomeKind.Listed)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.List.DisplayZone}:{GateJudge.SourceName(l.Source)} {l.Outcome.Input}={l.CountedWeight}"))
            .ToList();
        var shown = listed.Count <= MaxListedInHeader ? listed : [.. listed.Take(MaxListedInHeader), $"{listed.Count - MaxListedInHeader} more"];
        var where = shown.Count == 0 ? string.Empty : $" {string.Join(", ", shown)}";
        return string.Create(CultureInfo.InvariantCulture, $"message={message.Score} {message.Verdict}{where}");
    }
}
