using System.Net;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

/// <summary>Why a message's address is not asked of a public list (Net/ knows the ranges; this names them for results).</summary>
internal static class AddressSkipReasons
{
    // RFC 2544's benchmarking range is reserved, yet SpamAssassin asks it (its IP_PRIVATE set leaves it out) and it does
    // show up as the address of real relays (lab and carrier networks that leak it); a list may list what it sees.
    private static readonly IPNetwork Benchmarking = IPNetwork.Parse("198.18.0.0/15");

    /// <summary>Why <paramref name="address"/> must not be asked of a public list, or null when it is a public address.</summary>
    public static MessageSkipReason? Of(IPAddress address)
    {
        if (AddressClassifier.IsPrivate(address))
        {
            return MessageSkipReason.Private;
        }

        if (AddressClassifier.IsDocumentation(address))
        {
            return MessageSkipReason.Documentation;
        }

        return AddressClassifier.IsPrivateOrReserved(address) && !Benchmarking.Contains(AddressClassifier.Canonical(address)) ? MessageSkipReason.Reserved : null;
    }
}
