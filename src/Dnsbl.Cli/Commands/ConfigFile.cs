using Dnsbl.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>--config FILE</c>: the <c>Dnsbl</c> section of a JSON file — what <c>dnsbl import</c> writes, or an application's
/// appsettings.json — bound and validated exactly as <c>services.AddDnsbl(configuration.GetSection("Dnsbl"))</c> does in
/// an application, so the tool and the host read one file the same way.
/// </summary>
internal static class ConfigFile
{
    public const string SectionName = "Dnsbl";

    public static DnsblOptions Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new CliUsageException($"--config {path}: no such file.");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonFile(fullPath, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--config {path}: not readable JSON: {unreadable.InnerException?.Message ?? unreadable.Message}");
        }

        var section = root.GetSection(SectionName);
        if (!section.Exists())
        {
            throw new CliUsageException(
                $"--config {path}: no \"{SectionName}\" section (give the JSON 'dnsbl import' writes, or an appsettings.json with a \"{SectionName}\" section).");
        }

        using var services = new ServiceCollection().AddDnsbl(section).BuildServiceProvider();
        try
        {
            return services.GetRequiredService<IOptions<DnsblOptions>>().Value;
        }
        catch (OptionsValidationException invalid)
        {
            throw new CliUsageException($"--config {path}: {string.Join(" ", invalid.Failures)}");
        }
    }
}
