using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    // askdns NAME QUERY [TYPE [SUBTEST]] (Plugin::AskDNS): QUERY is a tag in front of a zone; TYPE defaults to A.
    [GeneratedRegex(@"^_(?<tag>[A-Z]+)_\.(?<zone>[A-Za-z0-9][A-Za-z0-9.\-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AskDnsQuery();

    [GeneratedRegex(@"^/(?<expression>.+)/(?<flags>[a-z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DelimitedRegex();

    /// <summary>
    /// An <c>askdns</c> rule on a tag the message gives us, in front of a list zone, becomes a domain list rule:
    /// <c>_AUTHORDOMAIN_</c> (the From addresses' hosts) and <c>_SENDERDOMAIN_</c> (the envelope sender's host), both
    /// asked as the full host (fresh.fmb.la). Every other form is reported with its reason.
    /// </summary>
    private void ReadAskDns(SourceLine at, string name, string rest)
    {
        var values = rest.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (name.Length == 0 || values.Length == 0)
        {
            DefineUnusable(at, name, SpamAssassinLookup.Domains, "askdns needs a rule name and a query (SpamAssassin refuses the line)");
            return;
        }

        var type = values.Length > 1 ? values[1] : "A";
        var subTest = values.Length > 2 ? values[2].Trim() : null;
        if (AskDnsQuery().Match(values[0]) is not { Success: true } query)
        {
            DefineUnusable(at, name, SpamAssassinLookup.Domains,
                $"askdns query '{values[0]}' asks a message tag's own records (or a form other than _TAG_.zone), not a DNS list");
            return;
        }

        var tag = query.Groups["tag"].Value;
        var sources = tag switch
        {
            "AUTHORDOMAIN" => DomainSources.HeaderFrom,
            "SENDERDOMAIN" => DomainSources.MailFrom,
            _ => DomainSources.None,
        };
        string? unusable = null;
        ReturnCodeFilter? filter = null;
        if (sources == DomainSources.None)
        {
            unusable = tag == "DKIMDOMAIN"
                ? "askdns on _DKIMDOMAIN_ asks the domains of DKIM signatures that verified, and the library does not verify DKIM signatures (asking unverified d= domains of an allow list would be laxer)"
                : $"askdns on the tag _{tag}_ is not supported (only _AUTHORDOMAIN_ and _SENDERDOMAIN_)";
        }
        else if (!type.Equals("A", StringComparison.OrdinalIgnoreCase))
        {
            unusable = $"askdns of {type} records is not supported (only A)";
        }
        else if (subTest is { Length: > 0 } && !TryTranslateAskDnsSubTest(subTest, out filter, out var error))
        {
            unusable = error;
        }

        // The "set" (and so the list's name) is the zone and the tag: fresh.fmb.la/authordomain.
        var zone = ZoneOf(query.Groups["zone"].Value);
        Store(new SpamAssassinRule(name, SpamAssassinLookup.Domains, $"{zone}/{tag.ToLowerInvariant()}", at)
        {
            Zone = zone,
            Filter = filter,
            Unusable = unusable,
            DomainSources = sources,
            DomainForm = DomainQueryForm.FullHostName, // SpamAssassin's tags hold the host of the address as written
        });
    }

    // AskDNS sub-tests: /regex/flags against the dotted answer, or one address (other forms, lists and masks, reported).
    private static bool TryTranslateAskDnsSubTest(string subTest, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        if (DelimitedRegex().Match(subTest) is { Success: true } delimited)
        {
            var flags = delimited.Groups["flags"].Value;
            if (flags.Trim('i').Length > 0)
            {
                error = $"the askdns sub-test flags '{flags}' are not supported (only i)";
                return false;
            }

            var expression = delimited.Groups["expression"].Value;
            return SpamAssassinFilter.TryTranslateRbl(flags.Length > 0 ? $"(?i:{expression})" : expression, out filter, out error);
        }

        if (System.Net.IPAddress.TryParse(subTest, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            filter = ReturnCodeFilter.Exact(address);
            return true;
        }

        error = $"the askdns sub-test '{subTest}' is not supported (a /regular expression/ or one IPv4 address)";
        return false;
    }
}
