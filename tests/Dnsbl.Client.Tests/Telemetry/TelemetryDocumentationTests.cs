using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Telemetry;

/// <summary>docs/telemetry.md's instrument table is what the meter publishes, and the Grafana dashboard asks only for documented metrics.</summary>
public sealed partial class TelemetryDocumentationTests
{
    [Fact]
    public async Task Meter_InstrumentsPublishedByAClient_MatchTheDocumentedTable()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var published = new List<(string Name, string Kind, string? Unit)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Scope == factory)
                {
                    lock (published)
                    {
                        published.Add((instrument.Name, KindOf(instrument), instrument.Unit));
                    }
                }
            },
        };
        listener.Start();

        await using (new DnsblClient(new DnsblOptions { Lists = [new DnsList("bl.test")] }, new ScriptedResolver(), null, new FakeTimeProvider(), factory))
        {
        }

        var documented = DocumentedInstruments().Select(r => (r.Name, r.Kind, (string?)r.Unit));
        Assert.Equal(documented.Order(), published.Order());
    }

    [Fact]
    public void GrafanaDashboard_EveryQuery_UsesADocumentedPrometheusName()
    {
        var documented = DocumentedInstruments().Select(r => r.Prometheus).ToHashSet(StringComparer.Ordinal);
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "grafana", "dnsbl-client.json")));

        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        var used = expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(expressions);
        Assert.All(used, name => Assert.True(
            documented.Contains(name) || documented.Contains(Regex.Replace(name, "_(bucket|sum|count)$", string.Empty)),
            $"{name} is not in docs/telemetry.md"));
        Assert.Contains("dnsbl_client_list_missing", used);
        Assert.Contains("dnsbl_client_list_circuit", used);
    }

    private static string KindOf(Instrument instrument) => instrument switch
    {
        Counter<long> => "counter",
        Histogram<double> => "histogram",
        _ when instrument.IsObservable => "gauge",
        _ => instrument.GetType().Name,
    };

    private static IEnumerable<(string Name, string Kind, string Unit, string Prometheus)> DocumentedInstruments()
    {
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "telemetry.md")))
        {
            if (!line.StartsWith("| `dnsbl.client.", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            yield return (cells[1].Trim('`'), cells[2], cells[3].Trim('`'), cells[5].Trim('`'));
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dnsbl.Client.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dnsbl.Client.sln not found above the test output.");
    }

    [GeneratedRegex("dnsbl_client_[a-z_]+")]
    private static partial Regex MetricName();
}
