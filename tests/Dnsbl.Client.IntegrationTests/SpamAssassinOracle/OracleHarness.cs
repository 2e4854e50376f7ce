using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// One rbldnsd (query log on) serving the look-alike zones and one SpamAssassin asking only it, shared by the oracle
/// tests. Each message is checked by one side at a time and the query log is cut after each, so every side's list
/// queries are known per message.
/// </summary>
public sealed class OracleHarness : IAsyncLifetime
{
    private static readonly string[] UnusedNetworkPlugins = ["Razor2", "Pyzor", "DCC"];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private RbldnsdServer? _rbldnsd;
    private SpamAssassinProcess? _spamAssassin;
    private QueryLogReader? _log;
    private string? _siteDirectory;
    private Task<OracleRun>? _run;
    private Task<OracleRun>? _realRun;

    internal RbldnsdServer Rbldnsd => _rbldnsd ?? throw new InvalidOperationException("The harness is not started.");

    internal SpamAssassinProcess SpamAssassin => _spamAssassin ?? throw new InvalidOperationException("The harness is not started.");

    internal IReadOnlyList<string> ZoneNames { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var zones = OracleSite.Zones();
        ZoneNames = [.. zones.Select(z => z.Zone).Distinct(StringComparer.Ordinal)];
        _rbldnsd = await RbldnsdServer.StartAsync(zones, logQueries: true, CancellationToken.None);
        _log = new QueryLogReader(_rbldnsd.QueryLogPath!, _rbldnsd.EndPoint, ZoneNames);
        await _log.CutAsync(CancellationToken.None); // drop the readiness probes
        _siteDirectory = WriteSiteDirectory(_rbldnsd.EndPoint.Port);
        _spamAssassin = await SpamAssassinProcess.StartAsync(_siteDirectory, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_spamAssassin is not null)
        {
            await _spamAssassin.DisposeAsync();
        }

        if (_rbldnsd is not null)
        {
            await _rbldnsd.DisposeAsync();
        }

        if (_siteDirectory is not null)
        {
            Directory.Delete(_siteDirectory, recursive: true);
        }

        _oneAtATime.Dispose();
    }

    /// <summary>The whole corpus through both sides, run once and shared by every test that asks.</summary>
    internal Task<OracleRun> RunCorpusAsync() => _run ??= OracleRun.RunAsync(this, OracleSite.CorpusFiles(OracleSite.CorpusFolder), CancellationToken.None);

    /// <summary>The real corpus (messages we did not write) through both sides, run once and shared.</summary>
    internal Task<OracleRun> RunRealCorpusAsync() => _realRun ??= OracleRun.RunAsync(this, OracleSite.CorpusFiles(OracleSite.RealCorpusFolder), CancellationToken.None);

    /// <summary>SpamAssassin checks one message; returns its verdict and the list queries it sent.</summary>
    internal async Task<(SpamAssassinVerdict Verdict, IReadOnlyList<LoggedQuery> Queries)> AskSpamAssassinAsync(string path, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var verdict = await SpamAssassin.CheckAsync(path, cancellationToken);
            return (verdict, await _log!.CutAsync(cancellationToken));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Our library checks one message with <paramref name="lists"/>: a fresh client per message (no cache, no health
    /// state carried over, as SpamAssassin's dns_block_rule state is cleared per message); returns its result and queries.
    /// </summary>
    internal async Task<(DnsblMessageResult Result, IReadOnlyList<LoggedQuery> Queries)> AskLibraryAsync(string path, Dnsbl.Client.Configuration.DnsblImportResult imported, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var options = new DnsblOptions { Lists = [.. imported.Lists], MetaRules = [.. imported.MetaRules], Nameservers = [$"127.0.0.1:{Rbldnsd.EndPoint.Port}"] };
            options.Cache.Enabled = false;
            options.Health.Enabled = false;
            await using var client = new DnsblClient(options);
            await using var file = File.OpenRead(path);
            var message = await MessageContext.ParseAsync(file, cancellationToken);
            var site = OracleSite.MessageOptions;
            var fromImport = imported.MessageOptions ?? new MessageOptions();
            var messageOptions = new MessageOptions
            {
                TrustedNetworks = site.TrustedNetworks,
                InternalNetworks = site.TrustedNetworks,
                MaxUriDomains = fromImport.MaxUriDomains,
                SkipDomains = fromImport.SkipDomains,
                IncludeMailtoLinks = fromImport.IncludeMailtoLinks,
            };
            var result = await client.CheckMessageAsync(message, messageOptions, cancellationToken);
            return (result, await _log!.CutAsync(cancellationToken));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static string WriteSiteDirectory(int dnsPort)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dnsbl-sa-oracle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // Debian's plugin set, minus the plugins that talk to their own servers (Razor, Pyzor, DCC): nothing leaves loopback.
        foreach (var pre in Directory.GetFiles(OracleSite.PluginDirectory, "*.pre"))
        {
            var lines = File.ReadAllLines(pre).Where(line => !UnusedNetworkPlugins.Any(plugin => line.Contains("::" + plugin, StringComparison.Ordinal)));
            File.WriteAllLines(Path.Combine(directory, Path.GetFileName(pre)), lines);
        }

        File.WriteAllText(Path.Combine(directory, "local.cf"), OracleSite.LocalConfiguration(dnsPort));
        File.WriteAllText(Path.Combine(directory, "user_prefs"), string.Empty);
        return directory;
    }
}
