using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// Reads rbldnsd's "A value and TXT template" syntax: <c>:A:TXT</c>, <c>:A</c> (default TXT), <c>:A:</c> (no TXT),
/// plain text (default A), <c>:N</c> meaning 127.0.0.N; a leading <c>#</c>/<c>;</c> is a comment.
/// </summary>
internal static class ListingValueParser
{
    public static ListingValue Parse(string value, ListingValue defaultValue, DatasetSettings settings, int lineNumber, string line)
    {
        if (value.Length == 0 || value[0] is '#' or ';')
        {
            return defaultValue;
        }

        if (value[0] != ':')
        {
            return defaultValue with { TextTemplate = Expand(value, settings) };
        }

        var secondColon = value.IndexOf(':', 1);
        var codeText = (secondColon < 0 ? value[1..] : value[1..secondColon]).Trim();
        var code = codeText.Length == 0 ? defaultValue.Code : ParseCode(codeText, lineNumber, line);
        if (secondColon < 0)
        {
            return new ListingValue(code, defaultValue.TextTemplate);
        }

        var text = value[(secondColon + 1)..].Trim();
        return new ListingValue(code, text.Length == 0 ? null : Expand(text, settings));
    }

    private static IPAddress ParseCode(string text, int lineNumber, string line)
    {
        if (byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var lastOctet))
        {
            return new IPAddress([127, 0, 0, lastOctet]);
        }

        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork
            ? address
            : throw new ZoneParseException(lineNumber, line, $"'{text}' is not an IPv4 return code");
    }

    /// <summary>Replaces <c>$1</c>..<c>$9</c> now; <c>$</c> and <c>$$</c> stay for query time.</summary>
    private static string Expand(string template, DatasetSettings settings)
    {
        if (!template.Contains('$', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '$' && i + 1 < template.Length)
            {
                var next = template[i + 1];
                if (next == '$')
                {
                    builder.Append("$$");
                    i++;
                    continue;
                }

                if (char.IsAsciiDigit(next))
                {
                    builder.Append(settings.Variables.GetValueOrDefault(next, string.Empty));
                    i++;
                    continue;
                }
            }

            builder.Append(template[i]);
        }

        return builder.ToString();
    }
}
