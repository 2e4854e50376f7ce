using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Testing.Demo;

/// <summary>A running demo server and the lists to check against it; dispose to stop the server.</summary>
public sealed class DemoServer : IAsyncDisposable
{
    internal DemoServer(InProcessDnsServer server, IReadOnlyList<DnsList> lists)
    {
        Server = server;
        Lists = lists;
    }

    /// <summary>The server; point a resolver at <see cref="InProcessDnsServer.EndPoint"/>.</summary>
    public InProcessDnsServer Server { get; }

    /// <summary>The demo lists (<c>bl.demo.test</c>, <c>wl.demo.test</c>, <c>dbl.demo.test</c>).</summary>
    public IReadOnlyList<DnsList> Lists { get; }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
