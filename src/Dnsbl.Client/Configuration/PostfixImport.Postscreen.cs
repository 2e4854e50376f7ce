using System.Globalization;
using System.Text.RegularExpressions;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>postscreen settings read as Postfix reads them: whole-number weights, the reply map, TTLs and the timeout.</summary>
internal sealed partial class PostfixImport
{
    private const string ReplyMap = "postscreen_dnsbl_reply_map";
    private const string Ttl = "postscreen_dnsbl_ttl";
    private const string MinTtl = "postscreen_dnsbl_min_ttl";
    private const string MaxTtl = "postscreen_dnsbl_max_ttl";
    private const string Timeout = "postscreen_dnsbl_timeout";

    private static readonly HashSet<string> HandledPostscreenSettings = new(StringComparer.Ordinal)
    {
        Sites, Threshold, AllowListThreshold, LegacyAllowListThreshold, ReplyMap, Ttl, MinTtl, MaxTtl, Timeout,
    };

    [GeneratedRegex(@"^-?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^(?<number>\d+)(?<unit>[smhdw]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PostfixTime();

    // postscreen (postscreen_dnsbl.c) refuses a weight that is not a whole number: the entry is reported, not rounded.
    private bool HasWholeWeight(SourceLine entry)
    {
        var star = entry.Text.LastIndexOf('*');
        if (star < 0 || WholeNumber().IsMatch(entry.Text[(star + 1)..]))
        {
            return true;
        }

        problems.Add(entry.Problem($"postscreen accepts only whole-number weights (Postfix refuses '{entry.Text[(star + 1)..]}'); not imported"));
        return false;
    }

    private double? ReadWholeNumber(string name)
    {
        if (parameters.TryGetValue(name, out var parameter) && !parameter.Text.StartsWith('$') && !WholeNumber().IsMatch(parameter.Text))
        {
            problems.Add(parameter.At.Problem($"{name} must be a whole number in Postfix; the Postfix default is used"));
            return null;
        }

        return ReadNumber(name);
    }

    /// <summary>The reply map's values become the lists' display names (they hide a DQS key in replies, as our names do).</summary>
    private void ApplyReplyMap()
    {
        if (!parameters.TryGetValue(ReplyMap, out var parameter) || ReadMap(parameter) is not { } map)
        {
            return;
        }

        for (var i = 0; i < lists.Count; i++)
        {
            if (map.TryGetValue(lists[i].Zone, out var displayName) && displayName.Length > 0)
            {
                lists[i] = lists[i] with { Name = displayName };
            }
        }
    }

    private Dictionary<string, string>? ReadMap(PostfixParameter parameter)
    {
        var text = parameter.Text;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var type = colon < 0 ? string.Empty : text[..colon];
        var source = colon < 0 ? string.Empty : text[(colon + 1)..];
        switch (type)
        {
            case "inline":
                return PostfixMaps.ReadInline(source, parameter.At, problems);
            case "texthash":
                if (readFile(source) is { } fileText)
                {
                    return PostfixMaps.ReadTextHash(fileText);
                }

                problems.Add(parameter.At.Problem($"the reply map file '{source}' cannot be read; list names stay the zones"));
                return null;
            default:
                problems.Add(parameter.At.Problem(
                    $"only texthash: and inline: reply maps can be read (not '{(type.Length == 0 ? text : type)}:'); list names stay the zones"));
                return null;
        }
    }

    /// <summary>min/max TTL clamp how long a result is cached (postscreen_dnsbl_ttl is the pre-3.1 maximum); the timeout bounds a check.</summary>
    private (DnsblCacheOptions? Cache, TimeSpan? Deadline) ReadTimeLimits()
    {
        var min = ReadTime(MinTtl);
        var max = ReadTime(MaxTtl) ?? ReadTime(Ttl);
        DnsblCacheOptions? cache = null;
        if (min is not null || max is not null)
        {
            cache = new DnsblCacheOptions();
            cache.MinimumTtl = min ?? cache.MinimumTtl;
            cache.MaximumTtl = max ?? cache.MaximumTtl;
            if (cache.MinimumTtl > cache.MaximumTtl)
            {
                problems.Add(parameters[min is not null ? MinTtl : MaxTtl].At.Problem("the minimum TTL is above the maximum; Postfix uses the maximum"));
                cache.MinimumTtl = cache.MaximumTtl;
            }
        }

        return (cache, ReadTime(Timeout));
    }

    private TimeSpan? ReadTime(string name)
    {
        if (!parameters.TryGetValue(name, out var parameter))
        {
            return null;
        }

        var match = PostfixTime().Match(parameter.Text);
        if (!match.Success || !long.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 100_000_000)
        {
            problems.Add(parameter.At.Problem($"{name} is not a Postfix time (a whole number with an optional s, m, h, d or w); the default is used"));
            return null;
        }

        return match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            "d" => TimeSpan.FromDays(number),
            "w" => TimeSpan.FromDays(7 * number),
            _ => TimeSpan.FromSeconds(number),
        };
    }
}
