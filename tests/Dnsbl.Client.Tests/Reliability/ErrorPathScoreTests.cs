using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// Property: under <see cref="ErrorPolicy.Exclude"/> and <see cref="ErrorPolicy.Defer"/>, adding a failed list — of any
/// error kind, even one carrying codes, rules and a weight — never raises the score, never turns a verdict into a
/// rejection or a tag, and never allow-lists.
/// </summary>
public sealed class ErrorPathScoreTests
{
    private const int Seed = 5452;
    private const int Cases = 20_000;

    public static TheoryData<ErrorPolicy> Policies => [ErrorPolicy.Exclude, ErrorPolicy.Defer];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Score_AddingErrorsOfEveryKind_NeverRaisesScoreNorHardensVerdict(ErrorPolicy policy)
    {
        var random = new Random(Seed);
        var kinds = Enum.GetValues<DnsblErrorKind>().Where(k => k != DnsblErrorKind.None).ToArray();
        var thresholds = new DnsblThresholds { Reject = 3, Tag = 1, AllowList = -2 };
        for (var i = 0; i < Cases; i++)
        {
            var clean = Enumerable.Range(0, random.Next(0, 5)).Select(n => Answer(random, n)).ToList();
            var failed = Enumerable.Range(0, random.Next(1, 4)).Select(n => Failure(random, kinds[random.Next(kinds.Length)], n)).ToList();
            var mixed = clean.Concat(failed).OrderBy(_ => random.Next()).ToList();

            var without = Scorer.Score(clean, thresholds, policy);
            var with = Scorer.Score(mixed, thresholds, policy);

            Assert.Equal(without.Score, with.Score);
            Assert.True(with.Verdict == without.Verdict || (policy == ErrorPolicy.Defer && with.Verdict == DnsblVerdict.Defer),
                $"case {i}: {without.Verdict} became {with.Verdict} under {policy}");
        }
    }

    private static ListOutcome Answer(Random random, int index)
    {
        var allow = random.Next(3) == 0;
        var list = new DnsList($"ok{index}.test", allow ? DnsListKind.IpAllowList : DnsListKind.IpBlockList);
        var listed = random.Next(2) == 0;
        return new ListOutcome
        {
            List = list,
            Input = "192.0.2.1",
            Kind = listed ? ListOutcomeKind.Listed : ListOutcomeKind.NotListed,
            Weight = listed ? (allow ? -1 : random.Next(1, 3)) : 0,
        };
    }

    /// <summary>A failed outcome that carries everything a listing would, as a confused code path might leave it.</summary>
    private static ListOutcome Failure(Random random, DnsblErrorKind error, int index)
    {
        var allow = random.Next(2) == 0;
        var rule = new ReturnCodeRule(null, allow ? -5 : 5);
        return new ListOutcome
        {
            List = new DnsList($"bad{index}.test", allow ? DnsListKind.IpAllowList : DnsListKind.IpBlockList) { Rules = [rule] },
            Input = "192.0.2.1",
            Kind = ListOutcomeKind.Error,
            Error = error,
            Codes = [IPAddress.Parse("127.0.0.2"), IPAddress.Parse("127.255.255.254")],
            MatchedRules = [rule],
            Weight = rule.Weight,
        };
    }
}
