using System.Diagnostics;
using System.Text.Json;
using Dnsbl.Client.Health;
using Dnsbl.Client.IntegrationTests.Health;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Redis;
using Dnsbl.Client.Redis.Health;
using Xunit.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Redis;

/// <summary>
/// Leader failover with real processes: three <c>dnsbl policy</c> processes share list health through one real
/// redis-server, against rbldnsd serving a healthy list and one that lists everything. One leads and probes; the
/// leader is killed (SIGKILL: no hand-over) and another takes the lease within two lease periods; the dead list
/// stays disabled on every survivor throughout; a fleet-wide disable set on a fourth node (in-process) reaches every
/// process; with redis-server stopped the nodes probe for themselves, and they elect a leader again once it is back.
/// </summary>
/// <remarks>
/// Runs alone (the collection that disables parallelism): three probing processes load two shared cores, and the
/// timing tests beside it (FleetCliTests' 4 s checks, RedisOutageTests' deadlines) must not pay for that load.
/// </remarks>
[Collection(ProcessWideCountTests.Name)]
public sealed class SharedHealthFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LeasePeriod = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Policy_LeaderKilled_AnotherTakesTheLeaseAndTheDeadListNeverFlaps()
    {
        await using var rbldnsd = await HealthZones.StartAsync();
        await using var redis = await RedisServer.StartAsync(CancellationToken.None);
        var config = Path.Combine(rbldnsd.DataDirectory, "fleet.json");
        await File.WriteAllTextAsync(config, Config(rbldnsd, redis));
        var nodes = new List<Node>();
        await using var cleanup = new ProcessesCleanup(nodes);
        for (var i = 1; i <= 3; i++)
        {
            nodes.Add(await Node.StartAsync($"node{i}", config));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // The observer is the test's eye, not a mail path: it may wait longer for a reply than a node's 250 ms, and a view it
        // could not read (null: Redis did not answer in time on a loaded CI machine) is read again, never dereferenced.
        await using var observer = await DnsblRedisConnection.ConnectAsync(new DnsblRedisOptions
        {
            Configuration = redis.Configuration,
            ShareHealth = false,
            OperationTimeout = TimeSpan.FromSeconds(5),
        });

        // One leader, two followers, the same states everywhere.
        var settled = await PollAsync(async () =>
        {
            var statuses = await Task.WhenAll(nodes.Select(n => n.StatusAsync(http)));
            return statuses.Count(s => s.Role == "leader") == 1 && statuses.Count(s => s.Role == "follower") == 2
                && statuses.All(s => s.Enabled(HealthZones.Healthy) == true && s.Enabled(HealthZones.ListsEverything) == false) ? statuses : null;
        });
        var leader = nodes.Single(n => n.Id == settled.Single(s => s.Role == "leader").Node);
        var survivors = nodes.Where(n => n != leader).ToList();
        Assert.All(settled, s => Assert.Equal(leader.Id, s.Leader));

        // 'dnsbl health --redis' shows the fleet's states and names the leader, without taking the lease.
        // Through the nodes' own config (250 ms per Redis reply): the one-off command waits longer by itself
        // (CliClient.OneOffRedisTimeout), or a cold process on a loaded machine would probe alone and name no leader.
        var cli = await CliRun.RunAsync("health", "--config", config, "--list", HealthZones.Healthy, "--list", HealthZones.ListsEverything, "--json");
        Assert.Equal(3, cli.ExitCode);
        Assert.Contains($"fleet leader {leader.Id}; showing its published states", cli.Error, StringComparison.Ordinal);
        Assert.Equal([true, false], cli.Json().EnumerateArray().Select(l => l.GetProperty("enabled").GetBoolean()));
        Assert.Equal(leader.Id, (await ReadViewAsync(observer)).Leader);

        // Watch the survivors' gate for the dead list while the leader dies and another takes over.
        using var watching = new CancellationTokenSource();
        var flaps = WatchDeadListAsync(survivors, http, watching.Token);
        Assert.Equal(leader.Id, (await ReadViewAsync(observer)).Leader);
        var killedAt = Stopwatch.StartNew();
        leader.Process.Kill();
        var successor = await PollAsync(async () => (await observer.GetFleetViewAsync())?.Leader is { } id && id != leader.Id ? id : null);
        var takeover = killedAt.Elapsed;
        output.WriteLine($"leader {leader.Id} killed; {successor} took the lease after {takeover.TotalMilliseconds:0} ms (lease period {LeasePeriod.TotalSeconds} s)");
        Assert.Contains(successor, survivors.Select(s => s.Id));
        Assert.True(takeover <= 2 * LeasePeriod, $"takeover took {takeover}");

        // The successor probes (its lastProbe moves on) and the dead list is still disabled everywhere.
        var before = (await survivors.Single(s => s.Id == successor).StatusAsync(http)).LastProbe(HealthZones.ListsEverything);
        await PollAsync(async () => (await survivors.Single(s => s.Id == successor).StatusAsync(http)).LastProbe(HealthZones.ListsEverything) > before ? "" : null);
        await watching.CancelAsync();
        Assert.Equal(0, await flaps);

        // A fleet-wide disable set on another node (in-process) is honoured by every process, and so is its clearing.
        var redisOptions = new DnsblRedisOptions { Configuration = redis.Configuration, HealthLeasePeriod = LeasePeriod, NodeId = "operator" };
        await using (var operatorConnection = await DnsblRedisConnection.ConnectAsync(redisOptions))
        await using (var operatorClient = new DnsblClient(Options(rbldnsd), operatorConnection.Sharing))
        {
            operatorClient.Health.ForceDisable(HealthZones.Healthy, "quota reached");
            await PollAsync(async () => (await Task.WhenAll(survivors.Select(n => n.StatusAsync(http))))
                .All(s => s.Enabled(HealthZones.Healthy) == false && s.Override(HealthZones.Healthy) == "forceDisabled") ? "" : null);
            operatorClient.Health.ClearOverride(HealthZones.Healthy);
            await PollAsync(async () => (await Task.WhenAll(survivors.Select(n => n.StatusAsync(http))))
                .All(s => s.Enabled(HealthZones.Healthy) == true && s.Override(HealthZones.Healthy) == "none") ? "" : null);
        }

        // Redis stopped: every survivor probes for itself (alone, probes moving on); back: one leader again.
        output.WriteLine($"redis-server stopped: {await redis.StopAsync()}");
        var follower = survivors.Single(s => s.Id != successor);
        var followerBefore = (await follower.StatusAsync(http)).LastProbe(HealthZones.Healthy);
        await PollAsync(async () => await follower.StatusAsync(http) is { Role: "alone" } s && s.LastProbe(HealthZones.Healthy) > followerBefore
            && s.Enabled(HealthZones.ListsEverything) == false ? "" : null);
        await redis.RestartAsync(CancellationToken.None);
        await PollAsync(async () =>
        {
            var statuses = await Task.WhenAll(survivors.Select(n => n.StatusAsync(http)));
            return statuses.Count(s => s.Role == "leader") == 1 && statuses.Count(s => s.Role == "follower") == 1 ? "" : null;
        });
    }

    private static async Task<int> WatchDeadListAsync(IReadOnlyList<Node> nodes, HttpClient http, CancellationToken stop)
    {
        var flaps = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var node in nodes)
            {
                var status = await node.StatusAsync(http);
                flaps += status.Enabled(HealthZones.ListsEverything) == false ? 0 : 1;
            }
        }

        return flaps;
    }

    /// <summary>The fleet view once Redis answers (a null view means it was not read, not that the fleet is empty).</summary>
    private static Task<DnsblFleetView> ReadViewAsync(DnsblRedisConnection observer) => PollAsync(() => observer.GetFleetViewAsync());

    /// <summary>Polls an observable condition until it holds, within <see cref="Patience"/> (no fixed sleep decides anything).</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T?>> condition)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience)
        {
            if (await condition() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the condition did not hold within " + Patience);
    }

    private static DnsblOptions Options(RbldnsdServer rbldnsd)
    {
        var options = new DnsblOptions { Lists = [new DnsList(HealthZones.Healthy), new DnsList(HealthZones.ListsEverything)], Nameservers = [rbldnsd.EndPoint.ToString()] };
        options.Health.LoopbackNameserversAreRetired = false;
        return options;
    }

    private static string Config(RbldnsdServer rbldnsd, RedisServer redis) => JsonSerializer.Serialize(new
    {
        Dnsbl = new
        {
            Nameservers = new[] { rbldnsd.EndPoint.ToString() },
            Health = new { HealthyInterval = "00:00:01", DisabledInterval = "00:00:01", Jitter = 0, LoopbackNameserversAreRetired = false, CheckNameservers = false },
            Redis = new { Configuration = redis.Configuration, HealthLeasePeriod = LeasePeriod.ToString() },
        },
    });

    private sealed record Node(string Id, CliProcess Process, Uri Status)
    {
        public static async Task<Node> StartAsync(string id, string config)
        {
            // Each node names itself through its own copy of the config (NodeId), as each mail server would.
            var own = config.Replace(".json", $".{id}.json", StringComparison.Ordinal);
            var json = (await File.ReadAllTextAsync(config)).Replace("\"HealthLeasePeriod\"", $"\"NodeId\":\"{id}\",\"HealthLeasePeriod\"", StringComparison.Ordinal);
            await File.WriteAllTextAsync(own, json);
            var process = CliProcess.Start(CliBuild.AssemblyPath(), "policy", "--config", own, "--list", HealthZones.Healthy, "--list", HealthZones.ListsEverything,
                "--listen", "127.0.0.1:0", "--status", "127.0.0.1:0");
            var line = await process.WaitForLineAsync(@"status on (http://[0-9.:]+/status)", Patience);
            return new Node(id, process, new Uri(line.Groups[1].Value));
        }

        public async Task<NodeStatus> StatusAsync(HttpClient http)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(Status));
            return new NodeStatus(document.RootElement.GetProperty("health").Clone());
        }
    }

    private sealed record NodeStatus(JsonElement Health)
    {
        public string? Role => Health.TryGetProperty("fleet", out var fleet) && fleet.ValueKind == JsonValueKind.Object ? fleet.GetProperty("role").GetString() : null;

        public string? Node => Health.GetProperty("fleet").GetProperty("node").GetString();

        public string? Leader => Health.GetProperty("fleet").GetProperty("leader").GetString();

        public bool? Enabled(string list) => List(list)?.GetProperty("enabled").GetBoolean();

        public string? Override(string list) => List(list)?.GetProperty("override").GetString();

        public DateTimeOffset? LastProbe(string list) =>
            List(list)?.GetProperty("lastProbe") is { ValueKind: JsonValueKind.String } probed ? probed.GetDateTimeOffset() : null;

        private JsonElement? List(string name) =>
            Health.GetProperty("lists").EnumerateArray().Where(l => l.GetProperty("name").GetString() == name).Select(l => (JsonElement?)l).FirstOrDefault();
    }

    private sealed class ProcessesCleanup(List<Node> nodes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var node in nodes)
            {
                await node.Process.DisposeAsync();
            }
        }
    }
}
