using System.Net;

namespace Dnsbl.Client.Messages;

/// <summary>A distinct link target found in a message body.</summary>
/// <param name="Host">The normalised host (lower-case punycode), or the address text for IP-literal links.</param>
/// <param name="Address">The address of an IP-literal link (<c>http://1.2.3.4/</c>), else null.</param>
/// <param name="Origin">The raw link as found (after entity decoding), for explanations.</param>
/// <param name="InMarkup">Whether it came from an HTML attribute (href, src, action, background) rather than visible text.</param>
/// <param name="Priority">
/// SpamAssassin's URIDNSBL order for the domain cap: 0 anchor href, 1 form action, 2 image src, 3 other markup, 4 text.
/// </param>
/// <param name="IsMailAddress">Whether it is the domain of a mailto: link or a bare e-mail address.</param>
internal sealed record ExtractedLink(string Host, IPAddress? Address, string Origin, bool InMarkup, int Priority = LinkPriority.Text, bool IsMailAddress = false);

/// <summary>SpamAssassin's URIDNSBL link groups, best first: hosts of earlier groups fill the domain cap first.</summary>
internal static class LinkPriority
{
    public const int Anchor = 0;
    public const int Form = 1;
    public const int Image = 2;
    public const int OtherMarkup = 3;
    public const int Text = 4;
}
