using System.Net;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

/// <summary>Why a message's address is not asked of a public list (Net/ knows the ranges; this names them for results).</summary>
internal static class AddressSkipReasons
{
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

        return AddressClassifier.IsPrivateOrReserved(address) ? MessageSkipReason.Reserved : null;
    }
}
