using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Answers;

/// <summary>Turns a DNS lookup result for a list's query into a <see cref="ListAnswer"/>. Errors are never listings.</summary>
internal static class ListAnswerInterpreter
{
    public static ListAnswer Interpret(DnsList list, DnsLookupResult result)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case DnsLookupStatus.Answered when list.QueryType == ListQueryType.Txt && HasText(result):
                var text = CollectText(result);
                var textMatch = TextMatcher.Match(list, text);
                return new ListAnswer(textMatch.Kind == CodeMatchKind.Listed ? ListOutcomeKind.Listed : ListOutcomeKind.NotListed, DnsblErrorKind.None, [], textMatch)
                {
                    Text = text,
                    TimeToLive = result.TimeToLive,
                };
            case DnsLookupStatus.Answered:
                return InterpretCodes(list, CollectCodes(result), result.TimeToLive);
            case DnsLookupStatus.NameError:
            case DnsLookupStatus.NoData:
                return new ListAnswer(ListOutcomeKind.NotListed, DnsblErrorKind.None, [], CodeMatch.NotListed) { TimeToLive = result.TimeToLive };
            default:
                return new ListAnswer(ListOutcomeKind.Error, ErrorKindOf(result.Status), [], CodeMatch.NotListed)
                {
                    Detail = result.Detail ?? result.Status.ToString(),
                };
        }
    }

    /// <summary>A list's A-record codes (an answer, or one shared by another client) read through its rules.</summary>
    public static ListAnswer InterpretCodes(DnsList list, IReadOnlyList<IPAddress> codes, TimeSpan? timeToLive)
    {
        if (codes.Count == 0)
        {
            return new ListAnswer(ListOutcomeKind.NotListed, DnsblErrorKind.None, [], CodeMatch.NotListed) { TimeToLive = timeToLive };
        }

        var match = CodeMatcher.Match(list, codes);
        return match.Kind switch
        {
            CodeMatchKind.OperatorError => new ListAnswer(ListOutcomeKind.Error, DnsblErrorKind.OperatorRefusal, codes, match)
            {
                Detail = $"operator error code {match.OffendingCode}",
                TimeToLive = timeToLive,
            },
            CodeMatchKind.OutsideLoopback => new ListAnswer(ListOutcomeKind.Error, DnsblErrorKind.AnswerOutsideLoopback, codes, match)
            {
                Detail = $"answer {match.OffendingCode} is outside 127.0.0.0/8",
                TimeToLive = timeToLive,
            },
            CodeMatchKind.Listed => new ListAnswer(ListOutcomeKind.Listed, DnsblErrorKind.None, codes, match) { TimeToLive = timeToLive },
            _ => new ListAnswer(ListOutcomeKind.NotListed, DnsblErrorKind.None, codes, match) { TimeToLive = timeToLive },
        };
    }

    private static DnsblErrorKind ErrorKindOf(DnsLookupStatus status) => status switch
    {
        DnsLookupStatus.ServerFailure => DnsblErrorKind.ServerFailure,
        DnsLookupStatus.Refused => DnsblErrorKind.DnsRefused,
        DnsLookupStatus.OtherResponseCode => DnsblErrorKind.OtherResponseCode,
        DnsLookupStatus.Timeout => DnsblErrorKind.Timeout,
        DnsLookupStatus.Malformed => DnsblErrorKind.MalformedResponse,
        DnsLookupStatus.Overloaded => DnsblErrorKind.Overloaded,
        _ => DnsblErrorKind.NetworkError,
    };

    // A TXT list asked by TXT (lookups); the health prober's A probes of the same list take the code path below.
    private static bool HasText(DnsLookupResult result) => result.Answers.Any(record => record.Text is not null);

    // Wire text is sanitised here, as FetchText's is: gates echo it in SMTP replies.
    private static string[] CollectText(DnsLookupResult result) =>
        [.. result.Answers.Select(record => record.Text).OfType<string>().Select(ListText.Sanitize)];

    private static IReadOnlyList<IPAddress> CollectCodes(DnsLookupResult result)
    {
        var answers = result.Answers;
        if (answers.Count == 1 && answers[0].Address is { } single)
        {
            return [single];
        }

        var codes = new List<IPAddress>(answers.Count);
        foreach (var record in answers)
        {
            if (record.Address is { } address)
            {
                codes.Add(address);
            }
        }

        return codes;
    }
}
