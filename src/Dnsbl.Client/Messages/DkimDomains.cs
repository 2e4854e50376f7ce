using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>The signing domains (<c>d=</c>) of DKIM-Signature and DomainKey-Signature headers, which SpamAssassin asks of URI lists (parse_dkim_uris).</summary>
internal static partial class DkimDomains
{
    public static List<string> Of(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var domains = new List<string>();
        for (var i = 0; i < headers.Count; i++) // by index: no boxed enumerator over the interface
        {
            var field = headers[i];
            if (!string.Equals(field.Key, "DKIM-Signature", StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(field.Key, "DomainKey-Signature", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var match in DomainTag().EnumerateMatches(field.Value))
            {
                // Group 1 is the match after its '=' less the white space before it, which is dropped here anyway.
                var tag = field.Value.AsSpan(match.Index, match.Length);
                var value = WithoutWhiteSpace(tag[(tag.IndexOf('=') + 1)..]);
                if (DomainName.TryNormalize(value, out var domain, out _) && domain.Contains('.', StringComparison.Ordinal))
                {
                    domains.Add(domain);
                }
            }
        }

        return domains;
    }

    private static string WithoutWhiteSpace(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyExceptInRange('!', '~'))
        {
            return text.ToString(); // the usual "d=example.com": no white space to drop
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    [GeneratedRegex(@"\bd\s*=\s*([^;]+)")]
    private static partial Regex DomainTag();
}
