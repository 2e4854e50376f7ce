using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

internal static partial class ReceivedHeaderParser
{
    /// <summary>
    /// Finds the client address in a from clause. Preference: a bracketed literal that is not the HELO argument
    /// ("[1.2.3.4]", "[IPv6:2001:db8::1]", Exim's "[1.2.3.4]:port"); then a bare address in a comment (qmail and
    /// Exchange: "(1.2.3.4)"); then the first token; then a bracketed HELO literal ("(helo [1.2.3.4])").
    /// </summary>
    private static IPAddress? FindAddress(string fromClause, string firstToken)
    {
        IPAddress? heloLiteral = null;
        foreach (Match match in BracketedPattern().Matches(fromClause))
        {
            if (!TryParseAddress(match.Groups["inner"].Value, out var address))
            {
                continue;
            }

            if (match.Groups["helo"].Success)
            {
                heloLiteral ??= address;
                continue;
            }

            return address;
        }

        foreach (Match match in CommentAddressPattern().Matches(fromClause))
        {
            if (TryParseAddress(match.Groups["inner"].Value, out var address))
            {
                return address;
            }
        }

        return TryParseAddress(firstToken.Trim('[', ']'), out var tokenAddress) ? tokenAddress : heloLiteral;
    }

    /// <summary>Parses "1.2.3.4", "IPv6:2001:db8::1", "2001:db8::1", "::ffff:1.2.3.4" or "1.2.3.4:port".</summary>
    internal static bool TryParseAddress(string text, out IPAddress address)
    {
        var value = text.Trim();
        if (value.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[5..];
        }

        // An IPv4 literal with a port ("1.2.3.4:25"): one colon only, so IPv6 addresses are not cut.
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon == value.LastIndexOf(':') && value.Contains('.', StringComparison.Ordinal))
        {
            value = value[..colon];
        }

        // Only dotted-quad IPv4 or IPv6: IPAddress.TryParse also accepts "1" or "1.2", which are not address literals.
        if (IPAddress.TryParse(value, out var parsed) &&
            (parsed.AddressFamily == AddressFamily.InterNetworkV6 ? value.Contains(':', StringComparison.Ordinal) : value.Count(c => c == '.') == 3))
        {
            address = AddressClassifier.Canonical(parsed);
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    [GeneratedRegex(@"(?<helo>\bhelo[=\s]+)?\[(?<inner>[0-9A-Fa-f:.IPv6]{2,60})\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedPattern();

    [GeneratedRegex(@"\(\s*(?<inner>[0-9A-Fa-f:.]{3,45})\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex CommentAddressPattern();
}
