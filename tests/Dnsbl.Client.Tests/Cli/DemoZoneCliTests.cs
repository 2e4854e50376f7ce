using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Demo;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>What the CLI command tests share: the embedded demo zones served on loopback, and a scratch folder for input files.</summary>
public abstract class DemoZoneCliTests(string folderPrefix) : IAsyncLifetime, IDisposable
{
    /// <summary>The scratch folder, deleted after the test.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    /// <summary>The demo zones' in-process server and lists.</summary>
    protected DemoServer Demo { get; private set; } = null!;

    /// <summary>The demo server as a <c>--dns</c> argument.</summary>
    protected string Dns => Demo.Server.EndPoint.ToString();

    public async Task InitializeAsync() => Demo = await DemoZones.StartEmbeddedAsync();

    public async Task DisposeAsync() => await Demo.DisposeAsync();

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the scratch folder; returns its path.</summary>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
