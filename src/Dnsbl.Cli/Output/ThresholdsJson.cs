using Dnsbl.Client.Scoring;
using System.Globalization;
using System.Text.Json.Serialization;
using Dnsbl.Client;

namespace Dnsbl.Cli.Output;

/// <summary>The thresholds a verdict was judged against; <c>tag</c> and <c>allowList</c> are written as null when off.</summary>
internal sealed record ThresholdsJson(
    double Reject,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Tag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AllowList)
{
    public static ThresholdsJson From(DnsblThresholds thresholds) => new(thresholds.Reject, thresholds.Tag, thresholds.AllowList);

    /// <summary>One line for tables: <c>Thresholds: reject at 5 or more, tag off, allow-list at -1 or less</c>.</summary>
    public string ToText() =>
        $"Thresholds: reject at {Number(Reject)} or more, " +
        (Tag is { } tag ? $"tag at {Number(tag)} or more, " : "tag off, ") +
        (AllowList is { } allow ? $"allow-list at {Number(allow)} or less" : "allow-list off");

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
