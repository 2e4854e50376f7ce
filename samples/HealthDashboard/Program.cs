using Dnsbl.Client;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Samples.HealthDashboard;

// A live health dashboard for DNS lists. Default: the in-process demo zones, probed every 30 seconds.
// Real lists: --dns HOST:PORT --list ZONE (repeat --list). Bind with --urls http://127.0.0.1:5080.
// --redis CONFIG joins a fleet that shares health through Redis and shows the fleet view (nodes, leader, shared states).
var nameservers = Values(args, "--dns");
var redis = Values(args, "--redis").LastOrDefault();
var zones = Values(args, "--list");
await using var demo = nameservers.Count == 0 ? await DemoZones.StartEmbeddedAsync().ConfigureAwait(false) : null;
var options = new DnsblOptions
{
    Lists = demo is null ? [.. zones.Select(z => new Dnsbl.Client.Lists.DnsList(z))] : [.. demo.Lists],
    Nameservers = demo is null ? nameservers : [demo.Server.EndPoint.ToString()],
};
options.Health.HealthyInterval = TimeSpan.FromSeconds(30);
options.Health.DisabledInterval = TimeSpan.FromSeconds(15);
options.Health.LoopbackNameserversAreRetired = demo is null;
await using var fleet = redis is null ? null : await Dnsbl.Client.Redis.DnsblRedisConnection.ConnectAsync(new() { Configuration = redis }).ConfigureAwait(false);
await using var client = fleet is null ? new DnsblClient(options) : new DnsblClient(options, fleet.Sharing);
var app = DashboardApp.Build([.. args.Where((_, i) => !IsOurs(args, i))], client, fleet);
await app.RunAsync().ConfigureAwait(false);

static List<string> Values(string[] args, string name) =>
    [.. args.Select((a, i) => (a, i)).Where(p => p.a == name && p.i + 1 < args.Length).Select(p => args[p.i + 1])];

// --dns, --list and --redis are the sample's; everything else (--urls, --environment, ...) goes to ASP.NET Core.
static bool IsOurs(string[] args, int index) =>
    args[index] is "--dns" or "--list" or "--redis" || (index > 0 && args[index - 1] is "--dns" or "--list" or "--redis");
