namespace Dnsbl.Client.Lists;

/// <summary>Which form of a host name a domain or URI list is asked about.</summary>
public enum DomainQueryForm
{
    /// <summary>The registered domain per the Public Suffix List (SURBL, URIBL).</summary>
    RegisteredDomain,

    /// <summary>The registered domain per the ICANN section of the Public Suffix List only.</summary>
    RegisteredDomainIcannOnly,

    /// <summary>The full host name as given (Spamhaus DBL).</summary>
    FullHostName,
}
