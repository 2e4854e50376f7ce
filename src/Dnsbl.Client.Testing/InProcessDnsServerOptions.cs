namespace Dnsbl.Client.Testing;

/// <summary>Options of an <see cref="InProcessDnsServer"/>.</summary>
public sealed class InProcessDnsServerOptions
{
    /// <summary>Chooses what to do with each query (fault injection); null answers every query from the zones.</summary>
    public Func<DnsQueryContext, ServerAction>? OnQuery { get; init; }

    /// <summary>The clock for <see cref="ServerAction.Delay"/>. <value>The default value is <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Whether to serve TCP on the same port as UDP. <value>The default value is true.</value></summary>
    public bool EnableTcp { get; init; } = true;
}
