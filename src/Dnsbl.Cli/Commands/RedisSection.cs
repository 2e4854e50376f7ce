using Dnsbl.Client.Redis;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// The <c>Dnsbl:Redis</c> section of a <c>--config</c> file, bound as <c>AddDnsblRedis</c> binds it in an application
/// (unknown keys are errors), so the tool and a host read one file the same way. Null when the file has no such section.
/// </summary>
internal static class RedisSection
{
    public static DnsblRedisOptions? Load(string? configPath)
    {
        if (configPath is null)
        {
            return null;
        }

        var section = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: false).Build()
            .GetSection($"{ConfigFile.SectionName}:Redis");
        if (!section.Exists())
        {
            return null;
        }

        var options = new DnsblRedisOptions();
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException invalid)
        {
            throw new CliUsageException($"--config {configPath}: {invalid.Message}");
        }

        return options;
    }
}
