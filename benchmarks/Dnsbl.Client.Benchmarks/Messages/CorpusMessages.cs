namespace Dnsbl.Client.Benchmarks.Messages;

/// <summary>The issue-15 corpus (the SpamAssassin key-oracle messages), found from the working directory upwards.</summary>
internal static class CorpusMessages
{
    private const string RelativeDirectory = "tests/Dnsbl.Client.IntegrationTests/SpamAssassinOracle/Corpus";

    public static string DefaultDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeDirectory);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{RelativeDirectory} not found above {AppContext.BaseDirectory}; pass --corpus DIR");
    }

    public static string[] Files(string directory)
    {
        var files = Directory.GetFiles(directory, "*.eml");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
