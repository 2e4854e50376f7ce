using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Policy;

/// <summary>Where to listen, parsed: a TCP endpoint (<c>HOST:PORT</c>, IP literals only) or a Unix socket (<c>unix:PATH</c>).</summary>
internal static class PolicyEndpoint
{
    private const string UnixPrefix = "unix:";

    /// <exception cref="ArgumentException">The text is neither form; the message names the setting.</exception>
    public static EndPoint Parse(string text, string setting, bool allowUnix = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            var path = text[UnixPrefix.Length..];
            if (!allowUnix || path.Length == 0)
            {
                throw new ArgumentException($"{setting} '{text}': {(allowUnix ? "give unix:PATH" : "give HOST:PORT (TCP only)")}.");
            }

            return new UnixDomainSocketEndPoint(path);
        }

        // Host names are not resolved: a listener must not depend on DNS, and "localhost" may mean ::1 or 127.0.0.1.
        if (IPEndPoint.TryParse(text, out var endPoint) && HasPort(text) &&
            (endPoint.AddressFamily == AddressFamily.InterNetwork || text.StartsWith('[')))
        {
            return endPoint;
        }

        throw new ArgumentException($"{setting} '{text}': give HOST:PORT with an IP address (e.g. 127.0.0.1:10045 or [::1]:10045) or unix:PATH.");
    }

    /// <summary>How the endpoint is shown in logs and the status report.</summary>
    public static string Describe(EndPoint endPoint) => endPoint switch
    {
        UnixDomainSocketEndPoint unix => UnixPrefix + unix,
        IPEndPoint ip => ip.ToString(),
        _ => endPoint.ToString() ?? "?",
    };

    /// <summary>Octal permission text (e.g. 0660) as Unix file mode bits.</summary>
    public static UnixFileMode ParseMode(string octal) =>
        (UnixFileMode)Convert.ToInt32(octal, 8) & (UnixFileMode)0x1FF;

    private static bool HasPort(string text)
    {
        var colon = text.LastIndexOf(':');
        var bracket = text.LastIndexOf(']');
        return colon > bracket && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
