using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The Received rules skip a pattern when the header lacks a text the pattern needs. That is safe only if every match
/// really contains each needed text; checked here on every recorded header and each of its words left out in turn (so
/// the inputs lack each literal they had), as the rules see them: with and without the leading word.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class ReceivedRuleLiteralTests
{
    [Fact]
    public void RulesWithNeeds_EveryMatch_ContainsEachNeededText()
    {
        var rules = ReceivedHeaderParser.RulesWithNeeds().ToList();
        Assert.True(rules.Count > 80, $"only {rules.Count} rules carry needed texts");
        var clauses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var header in ReceivedGoldenTests.RecordedHeaders())
        {
            foreach (var variant in ReceivedVariants.WordsLeftOut(ReceivedHeaderParser.CollapseWhiteSpace(header).Trim().TrimEnd(';', ' ')))
            {
                clauses.Add(variant);
                if (variant.IndexOf(' ', StringComparison.Ordinal) is var space and > 0)
                {
                    clauses.Add(variant[(space + 1)..]);
                }
            }
        }

        var violations = new List<string>();
        foreach (var clause in clauses)
        {
            foreach (var (pattern, needs) in rules)
            {
                if (pattern.IsMatch(clause) && needs.FirstOrDefault(needed => !clause.Contains(needed, StringComparison.Ordinal)) is { } missing)
                {
                    violations.Add($"{pattern} matched without \"{missing}\": {clause}");
                }
            }
        }

        Assert.True(clauses.Count > 20_000, $"only {clauses.Count} clauses checked");
        Assert.True(violations.Count == 0, string.Join('\n', violations.Take(20)));
    }
}
