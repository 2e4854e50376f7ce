using System.Net;

namespace Dnsbl.Client.Dns;

/// <summary>A snapshot of how the stub resolver asks: which servers, how long one attempt may take, how many rounds.</summary>
internal sealed record DnsStubResolverOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <exception cref="ArgumentException">No server, a timeout not above zero or above <see cref="MaxAttemptTimeout"/>, or fewer than one attempt.</exception>
    public DnsStubResolverOptions(IReadOnlyList<IPEndPoint> servers, TimeSpan attemptTimeout, int attempts)
    {
        ArgumentNullException.ThrowIfNull(servers);
        if (servers.Count == 0)
        {
            throw new ArgumentException("At least one nameserver is needed.", nameof(servers));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(attemptTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attemptTimeout, MaxAttemptTimeout);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        Servers = [.. servers];
        AttemptTimeout = attemptTimeout;
        Attempts = attempts;
    }

    /// <summary>
    /// The longest attempt timeout: one minute, as <c>DnsblOptions.AttemptTimeout</c> allows. A longer one would hold a
    /// nameserver's query slot, and every lookup waiting behind it, for longer than any check waits.
    /// </summary>
    public static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Nameservers, asked in order; the next one is tried after a failed attempt.</summary>
    public IReadOnlyList<IPEndPoint> Servers { get; }

    /// <summary>How long one attempt against one server may take.</summary>
    public TimeSpan AttemptTimeout { get; }

    /// <summary>How many times each server may be asked (resolv.conf's <c>attempts</c>): at most Attempts × Servers tries.</summary>
    public int Attempts { get; }

    /// <summary>
    /// Whether query names are sent in random letter case (the "0x20" trick) and answers must echo that case exactly,
    /// adding one bit of entropy per letter against off-path spoofing.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool UseCaseRandomization { get; init; }

    /// <summary>resolv.conf's <c>options rotate</c>: each lookup starts at the next server in turn instead of the first.</summary>
    /// <value>The default value is false.</value>
    public bool Rotate { get; init; }
}
