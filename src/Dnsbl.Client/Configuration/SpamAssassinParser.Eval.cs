using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    [GeneratedRegex(@"^eval:(?<function>\w+)\s*\((?<arguments>.*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EvalPattern();

    [GeneratedRegex(@"'(?<value>[^']*)'|""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ArgumentPattern();

    private void ReadRblEval(SourceLine at, string name, string evalText)
    {
        var match = EvalPattern().Match(evalText.Trim());
        if (!match.Success)
        {
            problems.Add(at.Problem("the eval expression could not be read"));
            return;
        }

        var function = match.Groups["function"].Value;
        var arguments = ArgumentPattern().Matches(match.Groups["arguments"].Value).Select(m => m.Groups["value"].Value).ToArray();
        switch (function)
        {
            case "check_rbl_sub" when arguments.Length == 2:
                AddRule(at, name, arguments[0], arguments[1]);
                break;
            case "check_rbl" or "check_rbl_txt" or "check_rbl_envfrom" or "check_rbl_from_host" or "check_rbl_from_domain"
                or "check_rbl_replyto_host" when arguments.Length is 2 or 3:
                DefineSet(at, name, function, arguments);
                break;
            default:
                problems.Add(at.Problem($"{function} with {arguments.Length} arguments is not supported"));
                break;
        }
    }

    private void DefineSet(SourceLine at, string name, string function, string[] arguments)
    {
        var setName = arguments[0];
        var zone = arguments[1].Trim().TrimEnd('.');
        var isTxt = function == "check_rbl_txt";
        if (!sets.TryGetValue(setName, out var set))
        {
            set = NewSet(at, setName, zone, function);
            sets.Add(setName, set);
        }
        else if (!string.Equals(set.Zone, zone, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(at.Problem($"set '{setName}' is already defined for zone {set.Zone}; this rule is not imported"));
            return;
        }

        set.FetchText |= isTxt;
        if (isTxt && !IsSubRuleName(name))
        {
            problems.Add(at.Problem(
                $"the TXT regular expression '{arguments[2]}' cannot be applied; {name} is imported as any listing, with TXT fetched"));
            AddRule(at, name, setName, null);
        }
        else if (arguments.Length == 3 || !IsSubRuleName(name))
        {
            AddRule(at, name, setName, arguments.Length == 3 ? arguments[2] : null);
        }
    }

    private static SpamAssassinSet NewSet(SourceLine at, string setName, string zone, string function) => function switch
    {
        "check_rbl_envfrom" => new(setName, zone, DnsListKind.DomainBlockList, at) { DomainSources = DomainSources.MailFrom },
        "check_rbl_from_host" => new(setName, zone, DnsListKind.DomainBlockList, at)
        {
            DomainSources = DomainSources.HeaderFrom,
            DomainForm = DomainQueryForm.FullHostName,
        },
        "check_rbl_from_domain" => new(setName, zone, DnsListKind.DomainBlockList, at) { DomainSources = DomainSources.HeaderFrom },
        "check_rbl_replyto_host" => new(setName, zone, DnsListKind.DomainBlockList, at)
        {
            DomainSources = DomainSources.ReplyTo,
            DomainForm = DomainQueryForm.FullHostName,
        },
        _ => new(setName, zone, DnsListKind.IpBlockList, at) { Relays = RelaysOf(setName) },
    };

    private static RelaySelection RelaysOf(string setName) =>
        setName.EndsWith("-lastexternal", StringComparison.Ordinal) ? RelaySelection.LastExternal
        : setName.EndsWith("-firsttrusted", StringComparison.Ordinal) ? RelaySelection.ConnectingClient
        : setName.EndsWith("-notfirsthop", StringComparison.Ordinal) ? RelaySelection.NotFirstHop
        : RelaySelection.AllUntrusted;

    private void ReadUriRule(SourceLine at, string keyword, string name, string rest)
    {
        var values = rest.Split(' ', '\t').Where(v => v.Length > 0).ToArray();
        var expected = keyword == "urirhssub" ? 3 : 2;
        if (values.Length != expected)
        {
            problems.Add(at.Problem($"{keyword} needs a rule name, a zone, a record type{(expected == 3 ? " and a sub-test" : "")}"));
            return;
        }

        if (!values[1].Equals("A", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(at.Problem($"only A lookups are supported, not {values[1]}"));
            return;
        }

        var zone = values[0].TrimEnd('.');
        var key = "uri:" + zone.ToLowerInvariant();
        if (!sets.ContainsKey(key))
        {
            sets.Add(key, new SpamAssassinSet(key, zone, DnsListKind.UriBlockList, at));
        }

        AddRule(at, name, key, expected == 3 ? values[2] : null);
    }

    private void AddRule(SourceLine at, string name, string setKey, string? subTest)
    {
        ReturnCodeFilter? filter = null;
        if (subTest is not null && !SpamAssassinFilter.TryTranslate(subTest, out filter, out var error))
        {
            problems.Add(at.Problem($"{name} is not imported: {error}"));
            return;
        }

        rules.Add(new SpamAssassinRule(name, setKey, filter, at));
    }

    private static bool IsSubRuleName(string name) => name.StartsWith("__", StringComparison.Ordinal);
}
