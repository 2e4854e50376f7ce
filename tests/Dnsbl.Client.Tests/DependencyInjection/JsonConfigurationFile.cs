using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Tests.DependencyInjection;

/// <summary>An appsettings-style JSON file in a temporary folder; <see cref="Rewrite"/> then <c>Root.Reload()</c> reloads it.</summary>
internal sealed class JsonConfigurationFile : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dnsbl-di-{Guid.NewGuid():N}.json");

    public JsonConfigurationFile(string json)
    {
        File.WriteAllText(_path, json);
        Root = new ConfigurationBuilder().AddJsonFile(_path, optional: false, reloadOnChange: false).Build();
    }

    public IConfigurationRoot Root { get; }

    public IConfigurationSection Section => Root.GetSection("Dnsbl");

    public void Rewrite(string json) => File.WriteAllText(_path, json);

    public void Dispose() => File.Delete(_path);
}
