using System.Net;

namespace Dnsbl.Client.Testing;

/// <summary>One received query, handed to <see cref="InProcessDnsServerOptions.OnQuery"/> to choose a <see cref="ServerAction"/>.</summary>
public readonly struct DnsQueryContext
{
    /// <summary>Creates a context (the server builds these; tests of hooks may too).</summary>
    /// <param name="name">The queried name, lower case, without trailing dot.</param>
    /// <param name="queryType">The QTYPE number (1 = A, 16 = TXT, 28 = AAAA, ...).</param>
    /// <param name="queryId">The query's ID.</param>
    /// <param name="transport">UDP or TCP.</param>
    /// <param name="remoteEndPoint">The client's address and port.</param>
    /// <param name="queryNumber">How many queries for this name the server has received, this one included (1 for the first).</param>
    public DnsQueryContext(string name, ushort queryType, ushort queryId, DnsServerTransport transport, IPEndPoint remoteEndPoint, int queryNumber)
    {
        Name = name;
        QueryType = queryType;
        QueryId = queryId;
        Transport = transport;
        RemoteEndPoint = remoteEndPoint;
        QueryNumber = queryNumber;
    }

    /// <summary>The queried name, lower case, without trailing dot.</summary>
    public string Name { get; }

    /// <summary>The QTYPE number (1 = A, 16 = TXT, 28 = AAAA, 2 = NS, 6 = SOA).</summary>
    public ushort QueryType { get; }

    /// <summary>The query's ID.</summary>
    public ushort QueryId { get; }

    /// <summary>UDP or TCP.</summary>
    public DnsServerTransport Transport { get; }

    /// <summary>The client's address and port.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>How many queries for <see cref="Name"/> the server has received, this one included (1 for the first).</summary>
    public int QueryNumber { get; }
}
