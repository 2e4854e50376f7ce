using System.Text.RegularExpressions;

namespace Dnsbl.Client.Tests.Architecture;

/// <summary>The dependency table of docs/DESIGN.md holds for the compiled library, and every namespace is its folder.</summary>
public sealed partial class DependencyTableTests
{
    private static readonly string LibraryPath = typeof(DnsblClient).Assembly.Location;

    [Fact]
    public void Library_EveryUse_IsAllowedByTheTable()
    {
        var table = DependencyTable.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "DESIGN.md")));
        var graph = NamespaceDependencies.Read(LibraryPath, table.ComponentOf);

        var forbidden = graph
            .SelectMany(from => from.Value.Where(to => !table.Allows(from.Key, to.Key)).Select(to => $"{from.Key} -> {to.Key}: {to.Value}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(forbidden.Count == 0, "uses the table in docs/DESIGN.md does not allow:\n" + string.Join('\n', forbidden));
    }

    [Fact]
    public void Library_EveryComponent_HasARow()
    {
        var table = DependencyTable.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "DESIGN.md")));

        var missing = NamespaceDependencies.TopLevelTypes(LibraryPath)
            .Select(t => table.ComponentOf(t.Namespace, t.Name))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Where(component => !table.Components.Contains(component))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "components without a row in docs/DESIGN.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Parse_ForbiddenUse_IsReported()
    {
        // The rule must be able to fail: a table where Dns/ may use nothing rejects the library's own Dns -> Dns/Protocol.
        var table = DependencyTable.Parse("## Where things live\n| component | owns | may use |\n|---|---|---|\n| `Dns/` | resolver | nothing of ours |\n| `Dns/Protocol/` | wire | nothing of ours |\n");
        var graph = NamespaceDependencies.Read(LibraryPath, table.ComponentOf);

        Assert.Contains("Dns/Protocol/", graph["Dns/"].Keys);
        Assert.False(table.Allows("Dns/", "Dns/Protocol/"));
        Assert.False(table.Allows("Unknown/", "Dns/"));
    }

    [Theory]
    [InlineData("src/Dnsbl.Client", "Dnsbl.Client")]
    [InlineData("src/Dnsbl.Cli", "Dnsbl.Cli")]
    [InlineData("src/Dnsbl.Client.Testing", "Dnsbl.Client.Testing")]
    [InlineData("src/Dnsbl.Client.Hosting", "Dnsbl.Client")]
    [InlineData("src/Dnsbl.Client.Redis", "Dnsbl.Client.Redis")]
    public void Sources_Namespace_IsFolder(string project, string rootNamespace)
    {
        var root = Path.Combine(RepositoryRoot(), project);
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder.Length == 0 ? rootNamespace : $"{rootNamespace}.{folder}";
            var declared = FileScopedNamespace().Match(File.ReadAllText(file));
            if (declared.Success && declared.Groups[1].Value != expected && !IsExtensionNamespace(declared.Groups[1].Value))
            {
                wrong.Add($"{relative}: namespace {declared.Groups[1].Value}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    // DI extension methods live in the namespace of the type they extend (STYLE.md rule 3).
    private static bool IsExtensionNamespace(string ns) => ns.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dnsbl.Client.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dnsbl.Client.sln not found above the test output.");
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
