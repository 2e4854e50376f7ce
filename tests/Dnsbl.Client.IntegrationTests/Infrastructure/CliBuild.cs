namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>The dnsbl tool from its own build folder (its own deps.json), run as a process of its own, as an installed tool runs.</summary>
internal static class CliBuild
{
    /// <summary>src/Dnsbl.Cli/bin/&lt;Configuration&gt;/&lt;framework&gt;/dnsbl.dll of the same configuration and framework as this test build.</summary>
    public static string AssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Dnsbl.Client.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Dnsbl.Client.sln not found above the test output."),
            "src", "Dnsbl.Cli", "bin", testOutput.Parent!.Name, testOutput.Name, "dnsbl.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build src/Dnsbl.Cli first.");
    }
}
