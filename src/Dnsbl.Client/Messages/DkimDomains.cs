using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>The signing domains (<c>d=</c>) of DKIM-Signature and DomainKey-Signature headers, which SpamAssassin asks of URI lists (parse_dkim_uris).</summary>
internal static partial class DkimDomains
{
    public static IEnumerable<string> Of(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach (var field in headers)
        {
            if (!string.Equals(field.Key, "DKIM-Signature", StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(field.Key, "DomainKey-Signature", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (Match match in DomainTag().Matches(field.Value))
            {
                var value = string.Concat(match.Groups[1].Value.Where(c => !char.IsWhiteSpace(c)));
                if (DomainName.TryNormalize(value, out var domain, out _) && domain.Contains('.', StringComparison.Ordinal))
                {
                    yield return domain;
                }
            }
        }
    }

    [GeneratedRegex(@"\bd\s*=\s*([^;]+)")]
    private static partial Regex DomainTag();
}
