namespace Dnsbl.Client.Lists;

/// <summary>Which domains of a message a domain list is asked about.</summary>
[Flags]
public enum DomainSources
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The HELO/EHLO name.</summary>
    Helo = 1,

    /// <summary>The client's reverse DNS name.</summary>
    ReverseDns = 2,

    /// <summary>The domain of the envelope sender (MAIL FROM).</summary>
    MailFrom = 4,

    /// <summary>The domain of the header From address.</summary>
    HeaderFrom = 8,

    /// <summary>The domain of the Reply-To address.</summary>
    ReplyTo = 16,

    /// <summary>All of the above.</summary>
    All = Helo | ReverseDns | MailFrom | HeaderFrom | ReplyTo,
}
