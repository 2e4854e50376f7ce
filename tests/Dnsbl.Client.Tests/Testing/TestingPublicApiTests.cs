using System.Reflection;
using Dnsbl.Client.Testing;

namespace Dnsbl.Client.Tests.Testing;

/// <summary>Tracks the public surface of Dnsbl.Client.Testing against TestingPublicApi.txt (no PublicApiAnalyzers here).</summary>
public sealed class TestingPublicApiTests
{
    [Fact]
    public void PublicSurface_MatchesCheckedInList()
    {
        var actual = Describe(typeof(InProcessDnsServer).Assembly);
        var path = Path.Combine(AppContext.BaseDirectory, "Testing", "TestingPublicApi.txt");
        var expected = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();

        Assert.True(expected.SequenceEqual(actual), "Public API changed. Actual:\n" + string.Join('\n', actual));
    }

    private static string[] Describe(Assembly assembly) =>
    [
        .. assembly.GetExportedTypes().SelectMany(type =>
            type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !IsRecordPlumbing(m))
                .Select(m => $"{type.FullName}::{m}")
                .Append($"{type.FullName}"))
            .Order(StringComparer.Ordinal),
    ];

    private static bool IsRecordPlumbing(MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract" or "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct"
        || member.Name.StartsWith("op_", StringComparison.Ordinal);
}
