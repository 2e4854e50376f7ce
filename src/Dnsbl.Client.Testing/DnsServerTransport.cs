namespace Dnsbl.Client.Testing;

/// <summary>The transport a query arrived on.</summary>
public enum DnsServerTransport
{
    /// <summary>A UDP datagram.</summary>
    Udp,

    /// <summary>A length-prefixed message on a TCP connection (RFC 1035 §4.2.2).</summary>
    Tcp,
}
