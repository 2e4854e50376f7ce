using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.DependencyInjection;

public sealed class ReadmeConfigurationTests
{
    [Fact]
    public void ReadmeJsonExample_Binds_WithoutProblems()
    {
        var readme = File.ReadAllText(FindReadme());
        var section = readme[readme.IndexOf("## Configuration (appsettings.json)", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var options = OptionsFromJson.Bind(json);

        Assert.Equal(["zen.spamhaus.org", "list.dnswl.org", "local", "bl.spamcop.net", "psbl.surriel.com"], options.Lists.Select(l => l.Name));
        Assert.Equal(DnsListKind.IpAllowList, options.Lists[1].Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Health.HealthyInterval);
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md not found above the test output folder.");
    }
}
