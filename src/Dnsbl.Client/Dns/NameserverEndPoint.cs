using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Dns;

/// <summary>
/// Parses a nameserver given as <c>host[:port]</c>: <c>192.0.2.53</c>, <c>192.0.2.53:5353</c>, <c>2001:db8::53</c>,
/// <c>[2001:db8::53]:5353</c>. The port defaults to 53. Host names are refused with a typed error.
/// </summary>
internal static class NameserverEndPoint
{
    /// <summary>Parses <paramref name="text"/> or says why not.</summary>
    public static bool TryParse(string? text, out IPEndPoint? endPoint, out NameserverParseError error)
    {
        endPoint = null;
        string value = text?.Trim() ?? string.Empty;
        string host = value;
        string? port = null;
        if (value.Length == 0)
        {
            error = NameserverParseError.Empty;
            return false;
        }

        if (value[0] == '[')
        {
            int close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < value.Length && value[close + 1] != ':'))
            {
                error = NameserverParseError.InvalidAddress;
                return false;
            }

            host = value[1..close];
            port = close + 1 < value.Length ? value[(close + 2)..] : null;
        }
        else if (value.Count(c => c == ':') == 1)
        {
            int colon = value.IndexOf(':', StringComparison.Ordinal);
            host = value[..colon];
            port = value[(colon + 1)..];
        }

        if (!TryParseAddress(host, out var address))
        {
            error = LooksLikeHostName(host) ? NameserverParseError.HostNameNotSupported : NameserverParseError.InvalidAddress;
            return false;
        }

        int portNumber = DnsStubResolverConstants.DefaultPort;
        if (port is not null
            && (port.Length == 0 || !port.All(char.IsAsciiDigit)
                || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber)
                || portNumber is < 1 or > ushort.MaxValue))
        {
            error = NameserverParseError.InvalidPort;
            return false;
        }

        endPoint = new IPEndPoint(address!, portNumber);
        error = NameserverParseError.None;
        return true;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not an address with an optional port; the message says why.</exception>
    public static IPEndPoint Parse(string? text) =>
        TryParse(text, out var endPoint, out var error)
            ? endPoint!
            : throw new FormatException(error switch
            {
                NameserverParseError.Empty => "A nameserver is empty.",
                NameserverParseError.HostNameNotSupported => $"The nameserver '{text}' is a host name; give its IP address (host names would need a resolver to resolve the resolver).",
                NameserverParseError.InvalidPort => $"The nameserver '{text}' has a port that is not a number from 1 to 65535.",
                _ => $"The nameserver '{text}' is not an IPv4 address, an IPv6 address, or [IPv6]:port.",
            });

    private static bool TryParseAddress(string host, out IPAddress? address)
    {
        // IPAddress.TryParse also takes "127.1" or "1"; a nameserver must be written as four dotted octets or as IPv6.
        if (!IPAddress.TryParse(host, out address))
        {
            return false;
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 || host.Count(c => c == '.') == 3 && host.All(c => c == '.' || char.IsAsciiDigit(c));
    }

    private static bool LooksLikeHostName(string host) =>
        host.Any(char.IsAsciiLetter) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
