using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    [GeneratedRegex(@"^eval:(?<function>\w+)\s*\((?<arguments>.*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EvalPattern();

    [GeneratedRegex(@"\G\s*(?:'(?<value>[^']*)'|""(?<value>[^""]*)""|(?<value>[\w.\-]+))\s*(?:,|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ArgumentPattern();

    private void ReadRblEval(SourceLine at, string name, string evalText)
    {
        var match = EvalPattern().Match(evalText);
        string[]? arguments = match.Success ? SplitArguments(match.Groups["arguments"].Value) : null;
        if (arguments is null)
        {
            DefineUnusable(at, name, SpamAssassinLookup.Relays, "the eval expression could not be read");
            return;
        }

        var function = match.Groups["function"].Value;
        switch (function)
        {
            case "check_rbl_sub" when arguments.Length == 2:
                DefineRule(at, name, SpamAssassinLookup.SetSubTest, arguments[0], null, arguments[1]);
                break;
            case "check_rbl" when arguments.Length is 2 or 3:
                DefineRule(at, name, SpamAssassinLookup.Relays, arguments[0], arguments[1], arguments.ElementAtOrDefault(2));
                break;
            case "check_rbl_txt" when arguments.Length is 2 or 3:
                DefineTextRule(at, name, arguments);
                break;
            case "check_rbl_envfrom" or "check_rbl_from_host" or "check_rbl_from_domain" or "check_rbl_replyto_host" when arguments.Length is 2 or 3:
                DefineDomainRule(at, name, function, arguments[0], arguments[1], arguments.ElementAtOrDefault(2), null);
                break;
            case "check_rbl_headers" when arguments.Length is 2 or 3 or 4:
                DefineDomainRule(at, name, function, arguments[0], arguments[1], arguments.ElementAtOrDefault(2), arguments.ElementAtOrDefault(3));
                break;
            default:
                DefineUnusable(at, name, SpamAssassinLookup.Relays, $"{function} with {arguments.Length} arguments is not supported");
                break;
        }
    }

    private static string[]? SplitArguments(string text)
    {
        var values = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var match = ArgumentPattern().Match(text, position);
            if (!match.Success || match.Length == 0)
            {
                return text[position..].Trim().Length == 0 ? [.. values] : null;
            }

            values.Add(match.Groups["value"].Value);
            position = match.Index + match.Length;
        }

        return [.. values];
    }

    private void DefineRule(SourceLine at, string name, SpamAssassinLookup lookup, string setName, string? zone, string? subTest)
    {
        ReturnCodeFilter? filter = null;
        string? unusable = null;
        if (subTest is not null && !SpamAssassinFilter.TryTranslateRbl(subTest, out filter, out var error))
        {
            unusable = error;
        }

        Store(new SpamAssassinRule(name, lookup, setName, at) { Zone = ZoneOf(zone), Filter = filter, Unusable = unusable });
    }

    private void DefineTextRule(SourceLine at, string name, string[] arguments)
    {
        // SpamAssassin asks for TXT records only and matches the expression (unanchored) against their text; without
        // one, any TXT record hits. The list is asked the same way (ListQueryType.Txt), the expression a regex: filter.
        ReturnCodeFilter? filter = null;
        string? unusable = null;
        if (arguments.ElementAtOrDefault(2) is { Length: > 0 } expression && !RegexCodeFilter.TryCreate(expression, out filter, out var error))
        {
            unusable = $"the TXT expression cannot be read: {error}";
        }

        Store(new SpamAssassinRule(name, SpamAssassinLookup.Relays, arguments[0], at)
        {
            Zone = ZoneOf(arguments[1]),
            AsksText = true,
            Filter = filter,
            Unusable = unusable,
        });
    }

    private void DefineDomainRule(SourceLine at, string name, string function, string setName, string zone, string? subTest, string? headers)
    {
        var (sources, form, unsupported) = function switch
        {
            "check_rbl_envfrom" => (DomainSources.MailFrom, DomainQueryForm.FullHostName, null),
            "check_rbl_from_host" => (DomainSources.HeaderFrom, DomainQueryForm.FullHostName, null),
            "check_rbl_from_domain" => (DomainSources.HeaderFrom, DomainQueryForm.RegistryBoundaries, null),
            "check_rbl_replyto_host" => (DomainSources.ReplyTo, DomainQueryForm.FullHostName, null),
            _ => HeaderSources(headers),
        };
        ReturnCodeFilter? filter = null;
        var unusable = unsupported;
        if (unusable is null && subTest is { Length: > 0 } && !SpamAssassinFilter.TryTranslateRbl(subTest, out filter, out var error))
        {
            unusable = error;
        }

        Store(new SpamAssassinRule(name, SpamAssassinLookup.Domains, setName, at)
        {
            Zone = ZoneOf(zone),
            Filter = filter,
            Unusable = unusable,
            DomainSources = sources,
            DomainForm = form,
        });
    }

    // check_rbl_headers: the address headers whose host is asked (SpamAssassin's default rbl_headers is EnvelopeFrom,Reply-To,Disposition-Notification-To).
    private static (DomainSources, DomainQueryForm, string?) HeaderSources(string? headers)
    {
        var sources = DomainSources.None;
        foreach (var header in (headers ?? "EnvelopeFrom,Reply-To").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var source = header.ToLowerInvariant() switch
            {
                "envelopefrom" => DomainSources.MailFrom,
                "from" => DomainSources.HeaderFrom,
                "reply-to" => DomainSources.ReplyTo,
                _ => DomainSources.None,
            };
            if (source == DomainSources.None)
            {
                return (sources, DomainQueryForm.FullHostName, $"check_rbl_headers on the header '{header}' is not supported (only EnvelopeFrom, From and Reply-To)");
            }

            sources |= source;
        }

        return (sources, DomainQueryForm.FullHostName, null);
    }

    private void DefineUnusable(SourceLine at, string name, SpamAssassinLookup lookup, string reason)
    {
        if (name.Length == 0)
        {
            problems.Add(at.Problem(reason));
            return;
        }

        Store(new SpamAssassinRule(name, lookup, string.Empty, at) { Unusable = reason });
    }

    private void Store(SpamAssassinRule rule)
    {
        Define(rule.Name);
        dnsRules[rule.Name] = rule;
    }

    private static string? ZoneOf(string? zone) => zone?.Trim().TrimEnd('.').ToLowerInvariant();
}
