using System.Diagnostics;

namespace Dnsbl.Client.Telemetry;

/// <summary>The "Dnsbl.Client" ActivitySource: one activity per check and one per list query.</summary>
internal static class DnsblActivity
{
    public const string SourceName = "Dnsbl.Client";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartCheck(string input)
    {
        var activity = Source.StartActivity("dnsbl.check", ActivityKind.Internal);
        activity?.SetTag("dnsbl.input", input);
        return activity;
    }

    public static Activity? StartListQuery(string listName)
    {
        var activity = Source.StartActivity("dnsbl.list.query", ActivityKind.Client);
        activity?.SetTag("dnsbl.list", listName);
        return activity;
    }
}
