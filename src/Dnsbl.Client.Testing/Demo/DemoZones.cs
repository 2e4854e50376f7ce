using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing.Demo;

/// <summary>
/// The demo DNS lists (<c>bl.demo.test</c>, <c>wl.demo.test</c>, <c>dbl.demo.test</c>) as zone data plus the list
/// definitions to check them with. Loaded from a folder holding <c>zones.json</c> and rbldnsd data files, or from the
/// copies embedded in this assembly (so <c>dnsbl demo</c> works from a tool install).
/// </summary>
public sealed class DemoZones
{
    private const string ResourcePrefix = "DemoZones.";

    private DemoZones(ZoneSet zones, IReadOnlyList<DnsList> lists)
    {
        Zones = zones;
        Lists = lists;
    }

    /// <summary>The zone data.</summary>
    public ZoneSet Zones { get; }

    /// <summary>One list definition per demo zone, of the kind named in <c>zones.json</c>.</summary>
    public IReadOnlyList<DnsList> Lists { get; }

    /// <summary>Loads <c>zones.json</c> and the data files it names from <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder, e.g. <c>samples/zones</c>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The demo zones.</returns>
    /// <exception cref="ZoneParseException">The manifest or a data file cannot be read.</exception>
    /// <exception cref="IOException">A file is missing or unreadable.</exception>
    public static async Task<DemoZones> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return await LoadAsync(
            (file, token) => File.ReadAllTextAsync(Path.Combine(directory, file), token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads the copies of <c>samples/zones</c> embedded in this assembly.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The demo zones.</returns>
    public static Task<DemoZones> LoadEmbeddedAsync(CancellationToken cancellationToken) =>
        LoadAsync(ReadResourceAsync, cancellationToken);

    /// <summary>Loads the embedded demo zones and starts a server for them.</summary>
    /// <param name="options">Server options; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server and the lists to check against it.</returns>
    public static async Task<DemoServer> StartEmbeddedAsync(InProcessDnsServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var demo = await LoadEmbeddedAsync(cancellationToken).ConfigureAwait(false);
        return await demo.StartAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a server for these zones.</summary>
    /// <param name="options">Server options; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server and the lists to check against it.</returns>
    public async Task<DemoServer> StartAsync(InProcessDnsServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = await InProcessDnsServer.StartAsync(Zones, options, cancellationToken).ConfigureAwait(false);
        return new DemoServer(server, Lists);
    }

    private static async Task<DemoZones> LoadAsync(Func<string, CancellationToken, Task<string>> readFile, CancellationToken cancellationToken)
    {
        var entries = DemoManifest.Parse(await readFile(DemoManifest.FileName, cancellationToken).ConfigureAwait(false));
        var zones = new ZoneSet();
        var lists = new List<DnsList>();
        foreach (var entry in entries)
        {
            var data = await readFile(entry.File, cancellationToken).ConfigureAwait(false);
            try
            {
                zones.Add(entry.Zone, entry.Type, data);
            }
            catch (ZoneParseException exception)
            {
                throw new ZoneParseException($"{entry.File}: {exception.Message}", exception);
            }

            if (!lists.Exists(l => string.Equals(l.Zone, entry.Zone, StringComparison.OrdinalIgnoreCase)))
            {
                lists.Add(new DnsList(entry.Zone, entry.Kind) { FetchText = true });
            }
        }

        return new DemoZones(zones, lists);
    }

    private static async Task<string> ReadResourceAsync(string file, CancellationToken cancellationToken)
    {
        var stream = typeof(DemoZones).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new FileNotFoundException($"The demo zone file '{file}' is not embedded in {typeof(DemoZones).Assembly.GetName().Name}.", file);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
