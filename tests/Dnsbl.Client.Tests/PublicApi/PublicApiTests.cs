using Dnsbl.Client.Testing;

namespace Dnsbl.Client.Tests.PublicApi;

/// <summary>
/// The public surface of the packages is tracked in <c>src/&lt;Project&gt;/PublicAPI.txt</c>: a change to it is a
/// change to the file, reviewed like code. Run with <c>UPDATE_PUBLIC_API=1</c> to rewrite the files after a
/// deliberate change; on a mismatch the actual text is written to <c>PublicAPI.actual.txt</c> in the test output.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_DnsblClient_MatchesCheckedInFile() =>
        AssertMatches(typeof(DnsblClient).Assembly, "Dnsbl.Client");

    [Fact]
    public void PublicApi_DnsblClientHosting_MatchesCheckedInFile() =>
        AssertMatches(typeof(global::Dnsbl.Client.Health.DnsblHealthCheck).Assembly, "Dnsbl.Client.Hosting");

    [Fact]
    public void PublicApi_DnsblClientRedis_MatchesCheckedInFile() =>
        AssertMatches(typeof(global::Dnsbl.Client.Redis.DnsblRedisOptions).Assembly, "Dnsbl.Client.Redis");

    [Fact]
    public void PublicApi_DnsblClientTesting_MatchesCheckedInFile() =>
        AssertMatches(typeof(InProcessDnsServer).Assembly, "Dnsbl.Client.Testing");

    [Fact]
    public void List_SameAssembly_IsStableAndSorted()
    {
        var first = PublicApiLister.List(typeof(DnsblClient).Assembly);
        var second = PublicApiLister.List(typeof(DnsblClient).Assembly);

        Assert.Equal(first, second);
        var lines = first.TrimEnd('\n').Split('\n');
        var typeLine = Array.FindIndex(lines, l => l.StartsWith("sealed class Dnsbl.Client.DnsblClient : ", StringComparison.Ordinal));
        Assert.True(typeLine >= 0);
        Assert.StartsWith("Dnsbl.Client.DnsblClient.", lines[typeLine + 1], StringComparison.Ordinal); // members follow their type
        Assert.Contains(lines, l => l.StartsWith("static Dnsbl.Client.Catalogue.DnsblCatalogue.Get(string name) -> ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("OutcomeFactory", StringComparison.Ordinal)); // internal
    }

    private static void AssertMatches(System.Reflection.Assembly assembly, string project)
    {
        var actual = PublicApiLister.List(assembly);
        var path = Path.Combine(FindRepositoryRoot(), "src", project, "PublicAPI.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (expected == actual)
        {
            return;
        }

        var actualPath = Path.Combine(AppContext.BaseDirectory, $"{project}.PublicAPI.actual.txt");
        File.WriteAllText(actualPath, actual);
        Assert.Fail(
            $"The public API of {project} changed. If that is intended, run the tests with UPDATE_PUBLIC_API=1 " +
            $"(or copy {actualPath} over {path}) and commit the file.\n{LineDiff(expected, actual)}");
    }

    private static string LineDiff(string expected, string actual)
    {
        var expectedLines = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var actualLines = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var removed = expectedLines.Except(actualLines).Order(StringComparer.Ordinal).Select(l => "- " + l);
        var added = actualLines.Except(expectedLines).Order(StringComparer.Ordinal).Select(l => "+ " + l);
        return string.Join('\n', removed.Concat(added));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dnsbl.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Dnsbl.Client.sln above {AppContext.BaseDirectory}.");
    }
}
