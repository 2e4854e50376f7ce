namespace Dnsbl.Client.Messages;

/// <summary>
/// SpamAssassin's rule for an underscore in a link host (<c>is_fqdn_valid</c> in <c>Mail/SpamAssassin/Util.pm</c>, which
/// <c>uri_to_domain</c> applies to every link and <c>get_uri_list</c> to every schemeless host): '_' may stand in the third
/// label from the right and below, never in the registered name or the top-level label. So a file name such as
/// <c>CharEnt/EUC_JP.pm</c> in a mail about Perl is no host, while <c>dl_1.mirror.example.net</c> still is.
/// </summary>
internal static class HostUnderscoreRule
{
    /// <summary>Whether neither of the last two labels of <paramref name="host"/> holds an underscore.</summary>
    public static bool Allows(ReadOnlySpan<char> host)
    {
        var lastDot = host.TrimEnd('.').LastIndexOf('.');
        var secondDot = lastDot < 0 ? -1 : host[..lastDot].LastIndexOf('.');
        return !host[(secondDot + 1)..].Contains('_');
    }
}
