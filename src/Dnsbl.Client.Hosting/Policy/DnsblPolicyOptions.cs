using System.ComponentModel.DataAnnotations;

namespace Dnsbl.Client.Policy;

/// <summary>
/// How the Postfix policy service (<see cref="DnsblPolicyServer"/>) listens, answers and protects itself. The lists,
/// thresholds and error policy are the <see cref="DnsblClient"/>'s.
/// </summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a server (which takes a snapshot).</remarks>
public sealed class DnsblPolicyOptions
{
    /// <summary>Where to listen: <c>HOST:PORT</c> (IPv6 as <c>[addr]:port</c>; port 0 picks a free one) or <c>unix:PATH</c>.</summary>
    /// <value>The default value is <c>127.0.0.1:10045</c> (loopback only) when the list is empty.</value>
    public IList<string> Listen { get; init; } = [];

    /// <summary>The permission bits of a Unix socket, in octal.</summary>
    /// <value>The default value is <c>0660</c>: its owner and group (give it Postfix's group) may connect.</value>
    [RegularExpression("^0?[0-7]{3}$")]
    public string UnixSocketMode { get; set; } = PolicyConstants.UnixSocketMode;

    /// <summary>Where to serve the health report and counters as JSON over HTTP (<c>HOST:PORT</c>); null serves nothing.</summary>
    public string? StatusListen { get; set; }

    /// <summary>What an allow-listed client gets.</summary>
    /// <value>The default value is <see cref="PolicyAllowListedAction.Dunno"/>.</value>
    public PolicyAllowListedAction AllowListedAction { get; set; } = PolicyAllowListedAction.Dunno;

    /// <summary>What a request gets when it cannot be judged (lookup errors, deadline, malformed request).</summary>
    /// <value>The default value is <see cref="PolicyErrorAction.Dunno"/> (fail open).</value>
    public PolicyErrorAction ErrorAction { get; set; } = PolicyErrorAction.Dunno;

    /// <summary>The longest attribute line accepted, in bytes; a longer one is answered with the error action and its connection closed.</summary>
    /// <value>The default value is 4096.</value>
    [Range(256, 1 << 20)]
    public int MaxAttributeBytes { get; set; } = PolicyConstants.MaxAttributeBytes;

    /// <summary>The most attributes one request may carry; more are answered with the error action and the connection closed.</summary>
    /// <value>The default value is 100.</value>
    [Range(8, 10_000)]
    public int MaxAttributes { get; set; } = PolicyConstants.MaxAttributes;

    /// <summary>How long a connection may stay silent (or leave a request unfinished) before it is closed.</summary>
    /// <value>The default value is 330 seconds: longer than Postfix's <c>smtpd_policy_service_max_idle</c> (300 s).</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = PolicyConstants.IdleTimeout;

    /// <summary>The most connections served at once; a connection over it is closed at once (Postfix then applies its <c>default_action</c>).</summary>
    /// <value>The default value is 1024.</value>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = PolicyConstants.MaxConnections;

    /// <summary>How long the decision for one (client, client name, HELO, sender) is reused: the recipients of one transaction cost one check.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan TransactionCacheTime { get; set; } = PolicyConstants.TransactionCacheTime;

    /// <summary>The most decisions kept.</summary>
    /// <value>The default value is 10,000.</value>
    [Range(1, 10_000_000)]
    public int TransactionCacheSize { get; set; } = PolicyConstants.TransactionCacheSize;

    /// <summary>How long <see cref="DnsblPolicyServer.StopAsync"/> waits for requests in flight before closing their connections.</summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = PolicyConstants.ShutdownTimeout;

    /// <summary>Whether the server runs the client's health probing (<see cref="Health.DnsblHealthMonitor.RunAsync"/>) while it listens.</summary>
    /// <value>The default value is true.</value>
    public bool RunHealthProbing { get; set; } = true;

    internal void ThrowIfInvalid()
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), problems, validateAllProperties: true))
        {
            throw new ArgumentException("Invalid policy options: " + string.Join("; ", problems.Select(p => p.ErrorMessage)));
        }

        foreach (var endpoint in Listen)
        {
            PolicyEndpoint.Parse(endpoint, "Listen");
        }

        if (StatusListen is { } status)
        {
            PolicyEndpoint.Parse(status, "StatusListen", allowUnix: false);
        }
    }
}
