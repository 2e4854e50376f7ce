using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.DependencyInjection;

/// <summary><c>Dnsbl:Lists:N:Budget</c>: bound, written back by the JSON writer, and every bad or unknown key named.</summary>
public sealed class ListBudgetBindingTests
{
    [Fact]
    public void AddDnsbl_ListBudgetInConfiguration_BindsEachKey()
    {
        var bound = OptionsFromJson.Bind("""
            { "Dnsbl": { "Lists": [ { "Zone": "bl.example", "Budget": { "PerMinute": 600, "PerDay": 100000, "WhenExhausted": "KeepAsking", "NearFraction": 0.9 } } ] } }
            """);

        Assert.Equal(new ListBudget { PerMinute = 600, PerDay = 100_000, WhenExhausted = BudgetExhaustedAction.KeepAsking, NearFraction = 0.9 }, bound.Lists[0].Budget);
    }

    [Fact]
    public void AddDnsbl_BadBudget_NamesEveryProblemByKey()
    {
        var failures = OptionsFromJson.Failures("""
            { "Dnsbl": { "Lists": [
                { "Zone": "a.example", "Budget": { "PerMinute": 0, "PerHour": 5, "PerDay": 10, "NearFraction": 1.5, "WhenExhausted": "Wait" } },
                { "Zone": "b.example", "Budget": { "NearFraction": 0.5 } } ] } }
            """).ToList();

        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Lists:0:Budget:PerMinute: 0 is not a limit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Lists:0:Budget:PerHour: unknown key; expected one of PerMinute, PerDay, WhenExhausted, NearFraction", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Lists:0:Budget:NearFraction: 1.5 is not a fraction", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Lists:0:Budget:WhenExhausted:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Dnsbl:Lists:1:Budget: a budget needs PerMinute or PerDay", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_DefaultActionAndFraction_LeavesThemOut()
    {
        var json = DnsblConfigurationJson.Write([new DnsList("bl.example") { Budget = new ListBudget { PerDay = 5000 } }]);

        Assert.Contains("\"Budget\": {\n          \"PerDay\": 5000\n        }", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(new ListBudget { PerDay = 5000 }, Assert.Single(OptionsFromJson.Bind(json).Lists).Budget);
    }
}
