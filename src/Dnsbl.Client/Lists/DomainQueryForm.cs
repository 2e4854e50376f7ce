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

    /// <summary>
    /// The registered domain as SpamAssassin cuts it (its shipped <c>util_rb_2tld</c>/<c>util_rb_3tld</c> suffixes, the
    /// ones SURBL and URIBL publish, and the <c>.us</c> locality rules): what the SpamAssassin importer gives URI lists and
    /// registered-domain RHSBL rules. Unlike <see cref="RegisteredDomain"/> it keeps <c>x.blogspot.com</c> whole and cuts
    /// <c>x.sells-it.net</c> (a Public Suffix List private suffix the lists do not know) to <c>sells-it.net</c>.
    /// </summary>
    RegistryBoundaries,
}
