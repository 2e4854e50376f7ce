using System.Globalization;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

/// <summary>Turns main.cf parameters into lists and thresholds; see <see cref="PostfixImporter"/> for the mapping.</summary>
internal sealed partial class PostfixImport(Dictionary<string, PostfixParameter> parameters, List<ImportProblem> problems)
{
    private const string Sites = "postscreen_dnsbl_sites";
    private const string Threshold = "postscreen_dnsbl_threshold";
    private const string AllowListThreshold = "postscreen_dnsbl_allowlist_threshold";
    private const string LegacyAllowListThreshold = "postscreen_dnsbl_whitelist_threshold";
    private const double PostfixDefaultThreshold = 1;

    private readonly List<DnsList> lists = [];

    public DnsblImportResult Build()
    {
        var thresholds = new DnsblThresholds
        {
            Reject = ReadNumber(Threshold) ?? PostfixDefaultThreshold,
            Tag = null,
            AllowList = ReadAllowListThreshold(),
        };
        ReadSites();
        ReportUnsupportedPostscreenSettings();
        foreach (var parameter in parameters.Values.Where(IsRestrictionList).OrderBy(p => p.At.Line))
        {
            ReadRestrictions(parameter, thresholds);
        }

        return new DnsblImportResult([.. lists], thresholds, [.. problems.OrderBy(p => p.Line)]);
    }

    private static bool IsRestrictionList(PostfixParameter parameter) =>
        parameter.Name.StartsWith("smtpd_", StringComparison.Ordinal)
        && parameter.Name.EndsWith("_restrictions", StringComparison.Ordinal);

    private double? ReadAllowListThreshold()
    {
        var name = parameters.ContainsKey(AllowListThreshold) ? AllowListThreshold : LegacyAllowListThreshold;
        var value = ReadNumber(name);
        return value < 0 ? value : null;
    }

    private double? ReadNumber(string name)
    {
        if (!parameters.TryGetValue(name, out var parameter))
        {
            return null;
        }

        if (double.TryParse(parameter.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(parameter.At.Problem(parameter.Text.StartsWith('$')
            ? "parameter references are not expanded; the Postfix default is used"
            : $"{name} is not a number; the Postfix default is used"));
        return null;
    }

    private void ReadSites()
    {
        if (!parameters.TryGetValue(Sites, out var parameter))
        {
            return;
        }

        var valid = new List<string>();
        foreach (var entry in parameter.Entries())
        {
            if (TryParseEntry(entry, DnsListKind.IpBlockList, out _))
            {
                valid.Add(entry.Text);
            }
        }

        // Parsing the valid entries together merges the entries of each zone into one list, as postscreen scores them.
        lists.AddRange(DnsList.ParseSites(string.Join(' ', valid)));
    }

    private bool TryParseEntry(SourceLine entry, DnsListKind kind, out DnsList? list)
    {
        list = null;
        if (entry.Text.StartsWith('$'))
        {
            problems.Add(entry.Problem("parameter references are not expanded; list the zones themselves"));
            return false;
        }

        try
        {
            list = DnsList.Parse(entry.Text, kind);
            return true;
        }
        catch (FormatException exception)
        {
            problems.Add(entry.Problem(exception.Message));
            return false;
        }
    }

    private void ReportUnsupportedPostscreenSettings()
    {
        foreach (var parameter in parameters.Values.Where(p => p.Name.StartsWith("postscreen_dnsbl_", StringComparison.Ordinal)))
        {
            var reason = parameter.Name switch
            {
                Sites or Threshold or AllowListThreshold or LegacyAllowListThreshold => null,
                "postscreen_dnsbl_reply_map" =>
                    "not imported: the reply map hides list names in SMTP replies; give each list a display Name instead",
                _ => $"{parameter.Name} has no equivalent in the list configuration and is not imported",
            };
            if (reason is not null)
            {
                problems.Add(parameter.At.Problem(reason));
            }
        }
    }
}
