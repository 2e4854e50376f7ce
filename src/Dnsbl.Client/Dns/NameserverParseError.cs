namespace Dnsbl.Client.Dns;

/// <summary>Why a nameserver text was not accepted.</summary>
internal enum NameserverParseError
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Empty or blank text.</summary>
    Empty,

    /// <summary>A host name: nameservers are given by address, as resolving them would need a resolver first.</summary>
    HostNameNotSupported,

    /// <summary>Neither an IPv4 nor an IPv6 address.</summary>
    InvalidAddress,

    /// <summary>A port that is not a number from 1 to 65535.</summary>
    InvalidPort,
}
