using System.Net;

namespace Dnsbl.Client;

/// <summary>
/// The front door: checks IP addresses and domains against every enabled list in parallel, under one deadline,
/// through a cache, and scores the answers. Thread-safe; create one per configuration and share it.
/// </summary>
public sealed partial class DnsblClient : IAsyncDisposable
{
    // CONTRACT (front-door owner implements): ctor(DnsblOptions, ILoggerFactory?, TimeProvider?, IMeterFactory?),
    // internal ctor taking an IDnsResolver, CheckAsync(IPAddress), CheckDomainAsync(string), Health monitor.
    /// <summary>Checks an IP address against every enabled IP list.</summary>
    /// <param name="address">The address (IPv4, IPv6 or IPv4-mapped IPv6, which is checked as IPv4).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The score, verdict and per-list outcomes.</returns>
    public ValueTask<DnsblCheckResult> CheckAsync(IPAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _notBuilt ? throw new NotImplementedException() : default;
    }

    private readonly bool _notBuilt = true;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
