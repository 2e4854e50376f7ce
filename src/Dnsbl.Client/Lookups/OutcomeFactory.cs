using Dnsbl.Client.Answers;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Lookups;

/// <summary>Builds <see cref="ListOutcome"/>s; the one place that decides what an outcome says.</summary>
internal static class OutcomeFactory
{
    public static ListOutcome Skipped(DnsList list, string input, string reason) => new()
    {
        List = list,
        Input = input,
        Kind = ListOutcomeKind.Skipped,
        SkipReason = reason,
    };

    public static ListOutcome InvalidQuery(DnsList list, string input) =>
        Failed(list, input, DnsblErrorKind.InvalidQuery, $"'{input}' under '{list.Name}' does not fit a DNS name (253 characters, labels of 63)");

    public static ListOutcome Failed(DnsList list, string input, DnsblErrorKind error, string detail, string queryName = "") => new()
    {
        List = list,
        Input = input,
        QueryName = ZoneRedactor.Redact(queryName),
        Kind = ListOutcomeKind.Error,
        Error = error,
        ErrorDetail = detail,
    };

    /// <summary>A lookup cut short because the client is being disposed: not the list's fault.</summary>
    public static ListOutcome ClientDisposed(DnsList list, string input) =>
        Failed(list, input, DnsblErrorKind.NetworkError, "the client was disposed");

    /// <summary>The answer read through the list's rules; <paramref name="fromCache"/> when it came from a cache (the shared tier) rather than the wire.</summary>
    public static ListOutcome FromAnswer(DnsList list, string input, string queryName, ListAnswer answer, IReadOnlyList<string> text, TimeSpan latency, bool fromCache = false) => new()
    {
        List = list,
        Input = input,
        QueryName = ZoneRedactor.Redact(queryName),
        Kind = answer.Kind,
        Codes = answer.Codes,
        Text = text,
        MatchedRules = answer.Kind == ListOutcomeKind.Listed ? answer.Match.MatchedRules : [],
        Weight = answer.Kind == ListOutcomeKind.Listed ? answer.Match.Weight : 0,
        Error = answer.Error,
        ErrorDetail = answer.Detail,
        Latency = latency,
        FromCache = fromCache,
    };

    /// <summary>Each error kind's name, indexed by its value: logs and metrics take names (Telemetry/ knows no type of ours), built once.</summary>
    public static readonly string[] ErrorKindNames = BuildErrorKindNames();

    /// <summary>The <c>dnsbl.outcome</c> metric tag of an answered query.</summary>
    public static string MetricTag(ListOutcomeKind kind) => kind switch
    {
        ListOutcomeKind.Listed => "listed",
        ListOutcomeKind.NotListed => "notListed",
        ListOutcomeKind.Error => "error",
        _ => "skipped",
    };

    private static string[] BuildErrorKindNames()
    {
        var kinds = Enum.GetValues<DnsblErrorKind>();
        var names = new string[kinds.Max(k => (int)k) + 1];
        foreach (var kind in kinds)
        {
            names[(int)kind] = kind.ToString();
        }

        return names;
    }
}
