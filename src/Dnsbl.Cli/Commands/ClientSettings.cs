using System.CommandLine;
using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// Turns the common options of a parsed command line into client options: the <c>--config</c> file first (when given),
/// then <c>--list</c>, <c>--dns</c> and <c>--timeout</c> replace what it set. Bad values are usage errors.
/// </summary>
internal static class ClientSettings
{
    private const int MaximumTimeoutMilliseconds = 300_000;

    public static DnsblOptions FromCommandLine(ParseResult parsed, CommonOptions common, ThresholdOptions? thresholds = null)
    {
        var timeout = parsed.GetValue(common.TimeoutMilliseconds);
        if (timeout is < 1 or > MaximumTimeoutMilliseconds)
        {
            throw new CliUsageException($"--timeout {timeout}: give milliseconds between 1 and {MaximumTimeoutMilliseconds}.");
        }

        var configPath = parsed.GetValue(common.Config);
        var options = configPath is null ? new DnsblOptions() : ConfigFile.Load(configPath);
        var specs = parsed.GetValue(common.Lists) ?? [];
        if (specs.Length > 0)
        {
            options.Lists.Clear();
            foreach (var list in CliListSpec.ParseAll(specs))
            {
                options.Lists.Add(list);
            }
        }

        if (options.Lists.Count == 0)
        {
            throw new CliUsageException(configPath is null
                ? "No list given: add --list ZONE (e.g. --list zen.spamhaus.org=127.0.0.[2..11]*3, or --list spamhaus-zen) or --config FILE."
                : $"--config {configPath} configures no list: add one there or with --list.");
        }

        if (parsed.GetValue(common.Nameservers) is { Length: > 0 } nameservers)
        {
            options.Nameservers.Clear();
            foreach (var nameserver in nameservers)
            {
                options.Nameservers.Add(nameserver);
            }
        }

        // Without --timeout the library's defaults (or the file's) apply: a 5 s deadline, 1 s per attempt, two attempts.
        if (timeout is { } milliseconds)
        {
            var deadline = TimeSpan.FromMilliseconds(milliseconds);
            options.Deadline = deadline;
            options.AttemptTimeout = deadline / 2;
            options.Attempts = 2;
        }

        thresholds?.Apply(parsed, options, listsFromCommandLine: specs.Length > 0);
        return options;
    }
}
