using System.ComponentModel.DataAnnotations;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Configuration;

/// <summary>Checks options field by field (data annotations) and across fields; reports every problem at once.</summary>
internal static class DnsblOptionsValidation
{
    public static IReadOnlyList<string> Validate(DnsblOptions options)
    {
        var errors = new List<string>(options.BindingErrors);
        Annotations(options, string.Empty, errors);
        Annotations(options.Thresholds, "Thresholds.", errors);
        Annotations(options.Cache, "Cache.", errors);
        Annotations(options.Health, "Health.", errors);
        CrossField(options, errors);
        return errors;
    }

    public static void ThrowIfInvalid(DnsblOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new DnsblConfigurationException(errors);
        }
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
        }

        foreach (var duplicate in options.Lists.Where(l => l is not null).GroupBy(l => l.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Lists: the name '{duplicate.Key}' is used {duplicate.Count()} times; list names must be unique.");
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

    private static void Annotations(object target, string prefix, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = string.Join(", ", result.MemberNames.Select(m => prefix + m));
            errors.Add($"{members}: {result.ErrorMessage}");
        }
    }
}
