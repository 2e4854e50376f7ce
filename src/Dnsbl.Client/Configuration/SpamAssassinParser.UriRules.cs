using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

// urirhsbl, urirhssub, uridnsbl, uridnssub and the name-server forms (urinsrhsbl, urifullnsrhsbl and their sub forms).
internal sealed partial class SpamAssassinParser
{
    private void ReadUriRule(SourceLine at, string keyword, string name, string rest)
    {
        var values = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var withSubTest = keyword.EndsWith("sub", StringComparison.Ordinal);
        if (values.Length != (withSubTest ? 3 : 2) || name.Length == 0)
        {
            DefineUnusable(at, name, SpamAssassinLookup.Links,
                $"{keyword} needs a rule name, a zone, a record type{(withSubTest ? " and a sub-test" : "")} (SpamAssassin refuses the line)");
            return;
        }

        ReturnCodeFilter? filter = null;
        string? unusable = null;
        if (!values[1].Equals("A", StringComparison.Ordinal))
        {
            unusable = $"only A lookups are supported, not {values[1]}";
        }
        else if (withSubTest && !SpamAssassinFilter.TryTranslateUri(values[2], out filter, out var error))
        {
            unusable = error;
        }

        Store(new SpamAssassinRule(name, SpamAssassinLookup.Links, "uri:" + ZoneOf(values[0]), at)
        {
            Zone = ZoneOf(values[0]),
            Filter = filter,
            Unusable = unusable,
            UriKind = keyword switch
            {
                "uridnsbl" or "uridnssub" => SpamAssassinUriKind.Addresses,
                "urinsrhsbl" or "urinsrhssub" => SpamAssassinUriKind.NameServerDomains,
                "urifullnsrhsbl" or "urifullnsrhssub" => SpamAssassinUriKind.NameServerHosts,
                _ => SpamAssassinUriKind.Names,
            },
        });
    }
}
