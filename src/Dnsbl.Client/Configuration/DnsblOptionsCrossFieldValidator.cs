using Dnsbl.Client.Dns;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// The rules of <see cref="DnsblOptions"/> that attributes cannot say: ones spanning fields (TTL and threshold order),
/// unique list names, per-list values and nameserver syntax. Messages name options paths (<c>Thresholds.Tag</c>,
/// <c>Lists[2].Timeout</c>), which hosting rewrites as configuration keys.
/// </summary>
internal sealed class DnsblOptionsCrossFieldValidator : IValidateOptions<DnsblOptions>
{
    private const Lists.UriLookupVia AllVia = Lists.UriLookupVia.LinkName | Lists.UriLookupVia.HostAddresses |
        Lists.UriLookupVia.NameServerAddresses | Lists.UriLookupVia.NameServerNames;

    public ValidateOptionsResult Validate(string? name, DnsblOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CrossField(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CrossField(DnsblOptions options, List<string> errors)
    {
        if (options.Cache.MinimumTtl > options.Cache.MaximumTtl)
        {
            errors.Add($"Cache.MinimumTtl ({options.Cache.MinimumTtl}) is greater than Cache.MaximumTtl ({options.Cache.MaximumTtl}).");
        }

        var thresholds = options.Thresholds;
        if (thresholds.Tag is { } tag && tag > thresholds.Reject)
        {
            errors.Add($"Thresholds.Tag ({tag}) is greater than Thresholds.Reject ({thresholds.Reject}).");
        }

        if (thresholds.AllowList is { } allow && allow >= thresholds.Reject)
        {
            errors.Add($"Thresholds.AllowList ({allow}) must be below Thresholds.Reject ({thresholds.Reject}).");
        }

        for (var i = 0; i < options.Lists.Count; i++)
        {
            if (options.Lists[i] is null)
            {
                errors.Add($"Lists[{i}] is null.");
            }
            else if (options.Lists[i].Timeout is { } timeout && timeout <= TimeSpan.Zero)
            {
                errors.Add($"Lists[{i}].Timeout ({timeout}) must be positive.");
            }
            else if (options.Lists[i].BodyPattern is not null && options.Lists[i].Kind is not (Lists.DnsListKind.DomainBlockList or Lists.DnsListKind.DomainAllowList))
            {
                // Only domain lists are asked body words; elsewhere the pattern would be ignored without a word.
                errors.Add($"Lists[{i}].BodyPattern is set on a {options.Lists[i].Kind}; only domain lists are asked body words.");
            }
            else if (options.Lists[i].UriLookup is var via && (via == Lists.UriLookupVia.None || (via & ~AllVia) != 0))
            {
                errors.Add($"Lists[{i}].UriLookup ({via}) must name at least one of LinkName, HostAddresses, NameServerAddresses, NameServerNames.");
            }
            else if (options.Lists[i].Budget is { HasLimit: false })
            {
                // A budget without a limit would count nothing and never skip: say so rather than ignore it.
                errors.Add($"Lists[{i}].Budget has neither PerMinute nor PerDay; set one or leave Budget out.");
            }
        }

        foreach (var duplicate in options.Lists.Where(l => l is not null).GroupBy(l => l.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Lists: the name '{duplicate.Key}' is used {duplicate.Count()} times; list names must be unique.");
        }

        // A bad redirector pattern would fail every message check; say so at startup instead.
        var redirectors = options.Message?.RedirectorPatterns ?? [];
        for (var i = 0; i < redirectors.Count; i++)
        {
            if (Messages.RedirectorPatternSet.Problem(redirectors[i]) is { } problem)
            {
                errors.Add($"Message.RedirectorPatterns[{i}]: {problem}.");
            }
        }

        for (var i = 0; i < options.Nameservers.Count; i++)
        {
            if (!NameserverEndPoint.TryParse(options.Nameservers[i], out _, out var error))
            {
                errors.Add($"Nameservers[{i}] '{options.Nameservers[i]}': {Describe(error)}");
            }
        }
    }

    private static string Describe(NameserverParseError error) => error switch
    {
        NameserverParseError.Empty => "empty; give an address such as 127.0.0.1 or [::1]:5353",
        NameserverParseError.HostNameNotSupported => "a host name; nameservers are given by address (host[:port], [v6]:port)",
        NameserverParseError.InvalidPort => "the port must be a number from 1 to 65535",
        _ => "not an IPv4 or IPv6 address",
    };
}
