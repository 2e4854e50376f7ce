using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>A distinct link target found in a message body.</summary>
/// <param name="Host">The normalised host (lower-case punycode), or the address text for IP-literal links.</param>
/// <param name="Address">The address of an IP-literal link (<c>http://1.2.3.4/</c>), else null.</param>
/// <param name="Origin">The raw link as found (after entity decoding), for explanations.</param>
/// <param name="InMarkup">Whether it came from an HTML attribute (href, src, action, background) rather than visible text.</param>
internal sealed record ExtractedLink(string Host, IPAddress? Address, string Origin, bool InMarkup);
