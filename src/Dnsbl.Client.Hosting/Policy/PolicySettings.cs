using System.Net;

namespace Dnsbl.Client.Policy;

/// <summary>The server's snapshot of <see cref="DnsblPolicyOptions"/>, validated and parsed once. Immutable.</summary>
internal sealed class PolicySettings
{
    public PolicySettings(DnsblPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var listen = options.Listen.Count > 0 ? options.Listen : [PolicyConstants.DefaultListen];
        Listen = [.. listen.Select(text => PolicyEndpoint.Parse(text, "Listen"))];
        UnixSocketMode = PolicyEndpoint.ParseMode(options.UnixSocketMode);
        Status = options.StatusListen is { } status ? (IPEndPoint)PolicyEndpoint.Parse(status, "StatusListen", allowUnix: false) : null;
        AllowListedAction = options.AllowListedAction;
        ErrorAction = options.ErrorAction;
        MaxAttributeBytes = options.MaxAttributeBytes;
        MaxAttributes = options.MaxAttributes;
        IdleTimeout = options.IdleTimeout;
        MaxConnections = options.MaxConnections;
        TransactionCacheTime = options.TransactionCacheTime;
        TransactionCacheSize = options.TransactionCacheSize;
        ShutdownTimeout = options.ShutdownTimeout;
        RunHealthProbing = options.RunHealthProbing;
    }

    public IReadOnlyList<EndPoint> Listen { get; }

    public UnixFileMode UnixSocketMode { get; }

    public IPEndPoint? Status { get; }

    public PolicyAllowListedAction AllowListedAction { get; }

    public PolicyErrorAction ErrorAction { get; }

    public int MaxAttributeBytes { get; }

    public int MaxAttributes { get; }

    public TimeSpan IdleTimeout { get; }

    public int MaxConnections { get; }

    public TimeSpan TransactionCacheTime { get; }

    public int TransactionCacheSize { get; }

    public TimeSpan ShutdownTimeout { get; }

    public bool RunHealthProbing { get; }

    /// <summary>The configured answer for a request that cannot be judged.</summary>
    public string ErrorActionText(string reason) =>
        ErrorAction == PolicyErrorAction.DeferIfPermit ? PolicyActions.DeferIfPermit(reason) : PolicyActions.Dunno;
}
