using System.Diagnostics;
using System.Net;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// A real rbldnsd on 127.0.0.1 for integration tests: zone files in a world-readable temp folder (rbldnsd drops
/// privileges when started as root), a free port, readiness proven by a real DNS answer, killed by pid on dispose.
/// </summary>
public sealed partial class RbldnsdServer : IAsyncDisposable
{
    /// <summary>Where the Debian/Ubuntu package installs rbldnsd.</summary>
    public const string DefaultExecutablePath = "/usr/sbin/rbldnsd";

    private const int StartAttempts = 5;

    private readonly string _executable;
    private Process _process;
    private bool _running = true;
    private int _disposed;

    private RbldnsdServer(string executable, Process process, IPEndPoint endPoint, string dataDirectory, bool logQueries)
    {
        _executable = executable;
        _process = process;
        EndPoint = endPoint;
        DataDirectory = dataDirectory;
        QueryLogPath = logQueries ? Path.Combine(dataDirectory, QueryLogFileName) : null;
    }

    /// <summary>The loopback address and port rbldnsd answers on (UDP).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The folder holding the zone files (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>The rbldnsd process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The file rbldnsd logs every query to, unbuffered (<c>-l +FILE</c>); null unless started with query logging.</summary>
    public string? QueryLogPath { get; }

    /// <summary>Writes the zone files, starts rbldnsd and waits until it answers.</summary>
    /// <param name="zones">The datasets to serve.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">rbldnsd is not installed, or it did not start.</exception>
    public static Task<RbldnsdServer> StartAsync(IReadOnlyList<RbldnsdZone> zones, CancellationToken cancellationToken) =>
        StartAsync(zones, logQueries: false, cancellationToken);

    /// <summary>Writes the zone files, starts rbldnsd (logging every query to <see cref="QueryLogPath"/> when asked) and waits until it answers.</summary>
    /// <param name="zones">The datasets to serve.</param>
    /// <param name="logQueries">Whether rbldnsd logs every query it receives, unbuffered.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">rbldnsd is not installed, or it did not start.</exception>
    public static async Task<RbldnsdServer> StartAsync(IReadOnlyList<RbldnsdZone> zones, bool logQueries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zones);
        if (zones.Count == 0)
        {
            throw new ArgumentException("rbldnsd needs at least one zone.", nameof(zones));
        }

        var executable = FindExecutable()
            ?? throw new InvalidOperationException("rbldnsd is not installed: apt-get install -y rbldnsd");
        var directory = WriteZoneFiles(zones);
        var failures = new List<string>();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, FreePort());
            var process = Start(executable, directory, endPoint, zones, logQueries);
            var server = new RbldnsdServer(executable, process, endPoint, directory, logQueries);
            if (await server.WaitUntilAnsweringAsync(zones[0].Zone, cancellationToken).ConfigureAwait(false))
            {
                return server;
            }

            // Usually a port race: someone took the port between our probe and rbldnsd's bind. Try another.
            failures.Add($"port {endPoint.Port}: {await server.StopAsync().ConfigureAwait(false)}");
        }

        Directory.Delete(directory, recursive: true);
        throw new InvalidOperationException($"rbldnsd did not start after {StartAttempts} attempts: {string.Join("; ", failures)}");
    }

    /// <summary>
    /// Serves new zone data on the same port: stops rbldnsd, rewrites the zone files and starts it again. Deterministic
    /// where a SIGHUP reload is not (rbldnsd compares modification times, which a rewrite within a second may not change).
    /// </summary>
    /// <param name="zones">The datasets to serve from now on.</param>
    /// <param name="cancellationToken">Cancels the wait for the restarted server.</param>
    /// <returns>A task that completes when the restarted server answers.</returns>
    /// <exception cref="InvalidOperationException">rbldnsd did not come back on the same port.</exception>
    public async Task RestartAsync(IReadOnlyList<RbldnsdZone> zones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await StopAsync().ConfigureAwait(false);
        foreach (var file in Directory.GetFiles(DataDirectory))
        {
            File.Delete(file);
        }

        WriteZoneFiles(DataDirectory, zones);
        _process = Start(_executable, DataDirectory, EndPoint, zones, QueryLogPath is not null);
        _running = true;
        if (!await WaitUntilAnsweringAsync(zones[0].Zone, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"rbldnsd did not restart on port {EndPoint.Port}: {await StopAsync().ConfigureAwait(false)}");
        }
    }

    /// <summary>Kills rbldnsd by its pid and deletes the zone files.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        Directory.Delete(DataDirectory, recursive: true);
    }
}
