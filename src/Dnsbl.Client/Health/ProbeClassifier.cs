using System.Net;
using Dnsbl.Client.Answers;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>
/// Turns a round's answers into one verdict, reading each answer with <see cref="ListAnswerInterpreter"/> so probes and
/// real lookups agree on what a code means. Precedence: dead zone, refusal, lists everything, not listing the test point,
/// then healthy; the round is unreachable only when no probe question got an answer at all. A failed question next to
/// answered ones is ignored: the answered ones decide (they agree with each other, or they show a fault).
/// </summary>
internal static class ProbeClassifier
{
    public static (ListHealthState State, string Reason) Classify(DnsList list, ZoneCheck zone, IReadOnlyList<AskedQuestion> asked)
    {
        if (zone.Finding is ListHealthState.Dead)
        {
            return (ListHealthState.Dead, zone.Reason!);
        }

        var answers = asked.Select(q => (q.Probe, q.Result, Answer: ListAnswerInterpreter.Interpret(list, q.Result))).ToList();
        foreach (var (probe, _, answer) in answers)
        {
            if (answer.Error == DnsblErrorKind.OperatorRefusal)
            {
                var code = answer.Match.OffendingCode;
                return (ListHealthState.Refusing, $"operator refusal code {code} ({MeaningOf(code)}) for {probe.QueryName}");
            }
        }

        if (zone.Finding is ListHealthState.Refusing)
        {
            return (ListHealthState.Refusing, zone.Reason!);
        }

        foreach (var (probe, result, answer) in answers)
        {
            if (result.Status == DnsLookupStatus.Refused)
            {
                return (ListHealthState.Refusing, $"DNS REFUSED for {probe.QueryName}");
            }

            if (answer.Error == DnsblErrorKind.AnswerOutsideLoopback)
            {
                return (ListHealthState.Refusing,
                    $"answer {answer.Match.OffendingCode} for {probe.QueryName} is outside 127.0.0.0/8 (wildcard or hijacked zone): answers cannot be trusted");
            }
        }

        foreach (var (probe, _, answer) in answers)
        {
            if (!probe.ExpectListed && IsListed(answer))
            {
                return (ListHealthState.ListsEverything,
                    $"lists everything: {probe.Key} ({probe.QueryName}) must not be listed but answers {string.Join(", ", answer.Codes)}");
            }
        }

        foreach (var (probe, result, answer) in answers)
        {
            if (probe.ExpectListed && !IsListed(answer) && answer.Kind != ListOutcomeKind.Error)
            {
                return (ListHealthState.NotListingTestPoint,
                    $"test point {probe.Key} ({probe.QueryName}) is not listed: {RoundRecorder.Describe(result)}");
            }
        }

        var failed = answers.Count(a => a.Answer.Kind == ListOutcomeKind.Error);
        if (failed == answers.Count)
        {
            var failures = string.Join(", ", answers.Select(a => RoundRecorder.Describe(a.Result)).Distinct());
            return (ListHealthState.Unreachable, $"unreachable: all {answers.Count} probe questions failed ({failures})");
        }

        return failed == 0
            ? (ListHealthState.Healthy, "test points answer as expected")
            : (ListHealthState.Healthy, $"test points answer as expected ({failed} of {answers.Count} probe questions failed and were ignored)");
    }

    /// <summary>
    /// A test point counts as listed on any valid listing code, whatever the list's own rules match: a list configured
    /// with a narrow filter (e.g. <c>=127.0.0.10</c>) still lists 127.0.0.2 with its usual code.
    /// </summary>
    private static bool IsListed(ListAnswer answer) =>
        answer.Kind == ListOutcomeKind.Listed || (answer.Kind == ListOutcomeKind.NotListed && answer.Codes.Count > 0);

    /// <summary>Meanings of the widely used 127.255.255.0/24 operator codes; the catalogue holds the full per-operator table.</summary>
    internal static string MeaningOf(IPAddress? code) => code?.ToString() switch
    {
        "127.255.255.252" => "typing error in the list name",
        "127.255.255.254" => "query through a public or open resolver",
        "127.255.255.255" => "excessive number of queries",
        _ => "operator error or refusal code",
    };
}
