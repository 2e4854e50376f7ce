using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Dnsbl.Client;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing.Demo;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>The sample's few options; kept by hand so the sample stays one small file to read.</summary>
internal sealed class GateCommandLine
{
    public const string Usage = """
        usage: SmtpGate [--listen 127.0.0.1:2525] [--pretend-client-ip IP] [--allow-xclient] [--greeting-deadline SECONDS]
                        [--dns HOST:PORT --list ZONE [--domain-list ZONE] [--uri-list ZONE]...]
        Without --dns the in-process demo zones (bl.demo.test, wl.demo.test, dbl.demo.test) are served and used.
        """;

    public SmtpGateOptions Gate { get; } = new();

    public List<string> Nameservers { get; } = [];

    public List<DnsList> Lists { get; } = [];

    public static bool TryParse(string[] args, [NotNullWhen(true)] out GateCommandLine? settings, out string error)
    {
        var parsed = new GateCommandLine();
        settings = null;
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var usedValue = true;
            switch (args[i])
            {
                case "--listen" when IPEndPoint.TryParse(value ?? string.Empty, out var listen):
                    parsed.Gate.ListenEndPoint = listen;
                    break;
                case "--pretend-client-ip" when IPAddress.TryParse(value ?? string.Empty, out var pretend):
                    parsed.Gate.PretendClientAddress = pretend;
                    break;
                case "--greeting-deadline" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    parsed.Gate.GreetingDeadline = TimeSpan.FromSeconds(seconds);
                    break;
                case "--dns" when value is not null:
                    parsed.Nameservers.Add(value);
                    break;
                case "--list" when value is not null:
                    parsed.Lists.Add(new DnsList(value, DnsListKind.IpBlockList));
                    break;
                case "--domain-list" when value is not null:
                    parsed.Lists.Add(new DnsList(value, DnsListKind.DomainBlockList));
                    break;
                case "--uri-list" when value is not null:
                    parsed.Lists.Add(new DnsList(value, DnsListKind.UriBlockList));
                    break;
                case "--allow-xclient":
                    parsed.Gate.AllowXclient = true;
                    usedValue = false;
                    break;
                default:
                    error = $"Unknown option or bad value: {args[i]} {value}";
                    return false;
            }

            i += usedValue ? 1 : 0;
        }

        if (parsed.Nameservers.Count > 0 && parsed.Lists.Count == 0)
        {
            error = "--dns needs at least one --list, --domain-list or --uri-list.";
            return false;
        }

        settings = parsed;
        return true;
    }

    /// <summary>Client options: the lookups must finish well inside the greeting deadline.</summary>
    public DnsblOptions ToClientOptions(DemoServer? demo)
    {
        var options = new DnsblOptions
        {
            Lists = demo is null ? [.. Lists] : [.. demo.Lists],
            Nameservers = demo is null ? [.. Nameservers] : [demo.Server.EndPoint.ToString()],
            Deadline = Gate.GreetingDeadline * 2 / 3,
        };
        options.Health.LoopbackNameserversAreRetired = demo is null;
        return options;
    }
}
