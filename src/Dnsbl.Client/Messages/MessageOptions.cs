using System.Net;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

/// <summary>How a message is turned into keys: which relays are trusted and how many link domains are asked.</summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a client (which takes a snapshot) and do not change it from several threads at once.</remarks>
public sealed class MessageOptions
{
    /// <summary>
    /// Networks of this site's own relays (and trusted forwarders). Received hops from these are not judged; the first
    /// hop from outside them is the last external relay.
    /// </summary>
    /// <value>The default value is empty: only the connecting client is known to be external.</value>
    public IReadOnlyList<IPNetwork> TrustedNetworks { get; init; } = [];

    /// <summary>The most distinct link domains asked of each URI list; links beyond it are ignored (most relevant first).</summary>
    /// <value>The default value is 20.</value>
    public int MaxUriDomains { get; init; } = MessageConstants.DefaultMaxUriDomains;

    /// <summary>
    /// Domains never asked of URI lists (a link host equal to one of them or under it is dropped before the cap is counted).
    /// </summary>
    /// <value>The default value is w3.org, xmlsoap.org, openxmlformats.org, schemas.microsoft.com, purl.org and the RFC 2606 example domains.</value>
    public IReadOnlyList<string> SkipDomains { get; init; } = MessageConstants.DefaultSkipDomains;

    /// <summary>
    /// The Public Suffix List used to find registered domains; load a newer one with
    /// <see cref="PublicSuffixList.LoadFile(string)"/> (e.g. /usr/share/publicsuffix/public_suffix_list.dat).
    /// </summary>
    /// <value>The default value is null: the copy embedded in the library.</value>
    public PublicSuffixList? PublicSuffixes { get; init; }

    /// <summary>Whether <paramref name="address"/> is inside <see cref="TrustedNetworks"/>.</summary>
    /// <param name="address">The address to test.</param>
    /// <returns><see langword="true"/> when a trusted network contains the address.</returns>
    public bool IsTrusted(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var canonical = AddressClassifier.Canonical(address);
        foreach (var network in TrustedNetworks)
        {
            if (network.Contains(canonical))
            {
                return true;
            }
        }

        return false;
    }
}
