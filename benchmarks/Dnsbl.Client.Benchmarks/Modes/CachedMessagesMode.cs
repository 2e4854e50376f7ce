using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dnsbl.Client.Benchmarks.Messages;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--messages-cached --server 127.0.0.1:PORT --rules DIR --local-cf FILE [--corpus DIR] [--seconds S] [--trusted CIDR,…]</c>:
/// what <c>dnsbl check --config sa.json --message FILE</c> does for each message (read the file, parse, plan, check every
/// imported list, score), in one warm process with every DNS answer cached: the lists are imported from SpamAssassin's
/// rule files as the CLI's <c>import spamassassin</c> does, the corpus is checked once against the loopback server to fill
/// the cache, then checked over and over for S seconds. Prints messages per second (benchmarks/messages-vs-spamassassin.sh).
/// </summary>
internal static class CachedMessagesMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new ModeArguments(args);
        var server = arguments.Text("server") ?? throw new ArgumentException("--server 127.0.0.1:PORT is required");
        if (!IPEndPoint.TryParse(server, out var endPoint) || !IPAddress.IsLoopback(endPoint.Address))
        {
            throw new ArgumentException("--server must be a loopback address (benchmarks never leave the machine)");
        }

        var rules = arguments.Text("rules") ?? "/usr/share/spamassassin";
        var files = Directory.GetFiles(rules, "*.cf").Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllText(path))).ToList();
        if (arguments.Text("local-cf") is { } localCf)
        {
            files.Add(("local.cf", File.ReadAllText(localCf)));
        }

        var imported = SpamAssassinImporter.Import([.. files]);
        var options = new DnsblOptions { Lists = [.. imported.Lists], MetaRules = [.. imported.MetaRules], Nameservers = [server] };
        options.Health.Enabled = false;
        var messageOptions = new MessageOptions
        {
            TrustedNetworks = [.. (arguments.Text("trusted") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(IPNetwork.Parse)],
            MaxUriDomains = imported.MessageOptions?.MaxUriDomains ?? MessageConstants.DefaultMaxUriDomains,
        };
        await using var client = new DnsblClient(options);
        var corpus = CorpusMessages.Files(arguments.Text("corpus") ?? CorpusMessages.DefaultDirectory());
        // The first pass fills the cache; the others warm the JIT until it has settled.
        await JitWarmUp.RunAsync(JitWarmUp.Seconds(arguments), minimumRounds: 3, async () =>
        {
            foreach (var file in corpus)
            {
                await CheckAsync(client, file, messageOptions);
            }
        });

        var seconds = arguments.Number("seconds", 10);
        var checkedMessages = 0;
        var incomplete = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var file in corpus)
            {
                incomplete += await CheckAsync(client, file, messageOptions) ? 0 : 1;
                checkedMessages++;
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / checkedMessages;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"library cached: {checkedMessages} messages in {elapsed:0.00} s = {checkedMessages / elapsed:0} messages/s ({cpuPerMessage:0} µs CPU per message; {imported.Lists.Count} lists; {incomplete} checks with a list unanswered)"));
        return 0;
    }

    // True when every list answered (from the cache, after the first pass).
    private static async Task<bool> CheckAsync(DnsblClient client, string file, MessageOptions messageOptions)
    {
        await using var stream = File.OpenRead(file);
        var message = await MessageContext.ParseAsync(stream);
        var result = await client.CheckMessageAsync(message, messageOptions);
        return result.MissingLists.Count == 0;
    }
}
