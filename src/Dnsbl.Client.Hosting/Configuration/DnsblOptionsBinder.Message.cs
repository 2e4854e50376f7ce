using System.Net;
using Dnsbl.Client.Messages;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsblOptionsBinder
{
    private const string MessageKey = nameof(DnsblOptions.Message);

    // Every settable MessageOptions property has a key here (DnsblOptionsBindingCoverageTests finds a missing one by
    // reflection). PublicSuffixes is read as the path of a list file.
    private static readonly string[] MessageKeys =
    [
        nameof(MessageOptions.TrustedNetworks), nameof(MessageOptions.InternalNetworks), nameof(MessageOptions.MsaNetworks),
        nameof(MessageOptions.OriginatingIpHeaders), nameof(MessageOptions.MaxCheckedRelays), nameof(MessageOptions.AskReserved),
        nameof(MessageOptions.IncludeMailtoLinks), nameof(MessageOptions.DkimDomainsAsLinks), nameof(MessageOptions.MaxUriDomains),
        nameof(MessageOptions.SkipDomains), nameof(MessageOptions.PublicSuffixes), nameof(MessageOptions.RedirectorPatterns),
        nameof(MessageOptions.BodyPartScanSize),
    ];

    /// <summary><c>Message</c>: the default <see cref="MessageOptions"/> of message checks; a key left out keeps its default.</summary>
    private static void BindMessage(IConfigurationSection section, DnsblOptions options, BindingErrors errors)
    {
        if (!section.Exists())
        {
            return;
        }

        ReportUnknownSubKeys(section, section.Path, MessageKeys, errors);
        var defaults = new MessageOptions();
        options.Message = new MessageOptions
        {
            TrustedNetworks = Networks(section.GetSection(nameof(MessageOptions.TrustedNetworks)), defaults.TrustedNetworks, errors),
            InternalNetworks = Networks(section.GetSection(nameof(MessageOptions.InternalNetworks)), defaults.InternalNetworks, errors),
            MsaNetworks = Networks(section.GetSection(nameof(MessageOptions.MsaNetworks)), defaults.MsaNetworks, errors),
            OriginatingIpHeaders = Strings(section.GetSection(nameof(MessageOptions.OriginatingIpHeaders)), defaults.OriginatingIpHeaders),
            MaxCheckedRelays = Count(section.GetSection(nameof(MessageOptions.MaxCheckedRelays)), defaults.MaxCheckedRelays, errors),
            AskReserved = Flag(section.GetSection(nameof(MessageOptions.AskReserved)), defaults.AskReserved, errors),
            IncludeMailtoLinks = Flag(section.GetSection(nameof(MessageOptions.IncludeMailtoLinks)), defaults.IncludeMailtoLinks, errors),
            DkimDomainsAsLinks = Flag(section.GetSection(nameof(MessageOptions.DkimDomainsAsLinks)), defaults.DkimDomainsAsLinks, errors),
            MaxUriDomains = Count(section.GetSection(nameof(MessageOptions.MaxUriDomains)), defaults.MaxUriDomains, errors),
            BodyPartScanSize = Count(section.GetSection(nameof(MessageOptions.BodyPartScanSize)), defaults.BodyPartScanSize, errors),
            SkipDomains = Strings(section.GetSection(nameof(MessageOptions.SkipDomains)), defaults.SkipDomains),
            PublicSuffixes = SuffixListFile(section.GetSection(nameof(MessageOptions.PublicSuffixes)), errors),
            RedirectorPatterns = RedirectorPatterns(section.GetSection(nameof(MessageOptions.RedirectorPatterns)), defaults.RedirectorPatterns, errors),
        };
    }

    // Each entry a .NET pattern with the target in group 1; a bad one is a binding error now, not a failing message check later.
    private static IReadOnlyList<string> RedirectorPatterns(IConfigurationSection section, IReadOnlyList<string> fallback, BindingErrors errors)
    {
        if (!section.Exists())
        {
            return fallback;
        }

        var patterns = new List<string>();
        foreach (var entry in section.GetChildren())
        {
            if (RedirectorPatternSet.Problem(entry.Value) is { } problem)
            {
                errors.Add(entry, problem);
            }
            else
            {
                patterns.Add(entry.Value!);
            }
        }

        return patterns;
    }

    private static IReadOnlyList<IPNetwork> Networks(IConfigurationSection section, IReadOnlyList<IPNetwork> fallback, BindingErrors errors)
    {
        if (!section.Exists())
        {
            return fallback;
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in section.GetChildren())
        {
            if (IPNetwork.TryParse(entry.Value, out var network))
            {
                networks.Add(network);
            }
            else
            {
                errors.Add(entry, $"'{entry.Value}' is not a network in CIDR notation (e.g. 192.0.2.0/24)");
            }
        }

        return networks;
    }

    // An empty JSON array exists with no children: it means "none" (e.g. no skip list), not the default.
    private static IReadOnlyList<string> Strings(IConfigurationSection section, IReadOnlyList<string> fallback) =>
        section.Exists() ? [.. section.GetChildren().Select(c => c.Value).OfType<string>()] : fallback;

    private static int Count(IConfigurationSection section, int fallback, BindingErrors errors)
    {
        if (!ConfigurationValues.TryGetInt(section, errors, out var count))
        {
            return fallback;
        }

        if (count < 0)
        {
            errors.Add(section, "must be 0 or more");
            return fallback;
        }

        return count;
    }

    private static bool Flag(IConfigurationSection section, bool fallback, BindingErrors errors) =>
        ConfigurationValues.TryGetBool(section, errors, out var value) ? value : fallback;

    private static PublicSuffixList? SuffixListFile(IConfigurationSection section, BindingErrors errors)
    {
        if (string.IsNullOrWhiteSpace(section.Value))
        {
            return null;
        }

        try
        {
            return PublicSuffixList.LoadFile(section.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            errors.Add(section, $"the Public Suffix List file '{section.Value}' cannot be read: {e.Message}");
            return null;
        }
    }
}
