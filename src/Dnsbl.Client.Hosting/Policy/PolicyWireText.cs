namespace Dnsbl.Client.Policy;

/// <summary>
/// Text that reaches Postfix (and from there an SMTP reply or a message header) or a log: printable ASCII only, no
/// line breaks, bounded. Whatever a list, a client or a configuration file says, it cannot add a line to the protocol.
/// </summary>
internal static class PolicyWireText
{
    public static string Sanitize(ReadOnlySpan<char> text, int maxLength)
    {
        var length = Math.Min(text.Length, maxLength);
        return string.Create(length, text[..length].ToString(), static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                destination[i] = c is >= ' ' and <= '~' ? c : '?';
            }
        });
    }
}
