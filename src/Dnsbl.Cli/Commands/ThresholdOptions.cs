using System.CommandLine;
using Dnsbl.Client;
using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>--reject</c> and <c>--tag</c>, and the thresholds used without them: the file's with <c>--config</c>; otherwise the
/// library's documented defaults for the weights in use — <see cref="DnsblCatalogue.SuggestedThresholds"/> (reject at 5)
/// when any catalogue list is checked (their weights are SpamAssassin's), <see cref="DnsblThresholds"/>' own (reject at 1,
/// postscreen's) for lists given in postscreen syntax only.
/// </summary>
internal sealed class ThresholdOptions
{
    public Option<double?> Reject { get; } = new("--reject")
    {
        Description = "Reject at this score or more. Default: --config's; 5 with catalogue lists (SpamAssassin's scale), else 1 (postscreen's).",
    };

    public Option<double?> Tag { get; } = new("--tag")
    {
        Description = "Tag at this score or more (below --reject). Default: --config's, else off.",
    };

    public void AddTo(Command command)
    {
        command.Add(Reject);
        command.Add(Tag);
    }

    /// <summary>Sets the defaults for lists given on the command line (not from --config), then applies --reject and --tag.</summary>
    public void Apply(ParseResult parsed, DnsblOptions options, bool listsFromCommandLine)
    {
        if (listsFromCommandLine && options.Lists.Any(IsCatalogueList))
        {
            var suggested = DnsblCatalogue.SuggestedThresholds;
            options.Thresholds.Reject = suggested.Reject;
            options.Thresholds.Tag = suggested.Tag;
            options.Thresholds.AllowList = suggested.AllowList;
        }

        if (parsed.GetValue(Reject) is { } reject)
        {
            options.Thresholds.Reject = reject;
        }

        if (parsed.GetValue(Tag) is { } tag)
        {
            options.Thresholds.Tag = tag;
        }

        if (options.Thresholds.Tag > options.Thresholds.Reject)
        {
            throw new CliUsageException($"--tag {options.Thresholds.Tag} is above the reject threshold {options.Thresholds.Reject}: tagging would never happen.");
        }
    }

    private static bool IsCatalogueList(DnsList list) => DnsblCatalogue.Entries.Any(e => ReferenceEquals(e.List, list));
}
