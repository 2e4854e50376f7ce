namespace Dnsbl.Client.Messages;

/// <summary>Where in a message a looked-up key came from.</summary>
public enum MessageKeySource
{
    /// <summary>The IP address of the client connected to this MTA.</summary>
    ConnectingClient,

    /// <summary>An IP address of a relay from the Received chain.</summary>
    Relay,

    /// <summary>The HELO/EHLO name.</summary>
    Helo,

    /// <summary>The client's reverse DNS name.</summary>
    ReverseDns,

    /// <summary>The envelope sender's domain.</summary>
    MailFrom,

    /// <summary>The header From domain.</summary>
    HeaderFrom,

    /// <summary>The Reply-To domain.</summary>
    ReplyTo,

    /// <summary>A link (URL or bare host) in the body.</summary>
    Link,

    /// <summary>An address from an originating-IP header (X-Originating-IP and the like; see <see cref="MessageOptions.OriginatingIpHeaders"/>).</summary>
    OriginatingIp,

    /// <summary>The <c>d=</c> domain of a DKIM-Signature (asked of URI lists; see <see cref="MessageOptions.DkimDomainsAsLinks"/>).</summary>
    DkimDomain,

    /// <summary>A word of the body text matched by a list's <see cref="Lists.DnsList.BodyPattern"/> (HashBL: a Bitcoin address...).</summary>
    BodyText,
}
