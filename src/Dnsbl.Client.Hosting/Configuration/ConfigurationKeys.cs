using System.Text.RegularExpressions;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Rewrites the property paths of <see cref="DnsblOptionsValidation"/> messages (<c>Thresholds.Tag</c>, <c>Lists[2].Timeout</c>)
/// as configuration keys under the bound section (<c>Dnsbl:Thresholds:Tag</c>, <c>Dnsbl:Lists:2:Timeout</c>), so an
/// operator can find the line to fix.
/// </summary>
internal static partial class ConfigurationKeys
{
    public static string Qualify(string message, string? sectionPath)
    {
        if (string.IsNullOrEmpty(sectionPath) || message.StartsWith(sectionPath + ":", StringComparison.Ordinal))
        {
            return message;
        }

        var prefix = sectionPath + ":";
        message = NestedMember().Replace(message, m => $"{prefix}{m.Groups[1].Value}:{m.Groups[2].Value}");
        message = IndexedMember().Replace(message, m => $"{prefix}{m.Groups[1].Value}:{m.Groups[2].Value}{(m.Groups[3].Success ? ":" + m.Groups[3].Value : string.Empty)}");
        message = LeadingTopLevelMember().Replace(message, m => prefix + m.Value);
        return message;
    }

    [GeneratedRegex(@"(?<![\w:])(Thresholds|Cache|Health)\.(\w+)")]
    private static partial Regex NestedMember();

    [GeneratedRegex(@"(?<![\w:])(Lists|Nameservers)\[(\d+)\](?:\.(\w+))?")]
    private static partial Regex IndexedMember();

    [GeneratedRegex(@"^(AttemptTimeout|Attempts|Deadline|ErrorPolicy|Lists|Nameservers)(?=[:,])")]
    private static partial Regex LeadingTopLevelMember();
}
