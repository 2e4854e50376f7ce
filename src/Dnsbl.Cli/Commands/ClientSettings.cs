using System.CommandLine;
using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary>Turns the common options of a parsed command line into client options; bad values are usage errors.</summary>
internal static class ClientSettings
{
    public static DnsblOptions FromCommandLine(ParseResult parsed, CommonOptions common)
    {
        var timeout = parsed.GetValue(common.TimeoutMilliseconds);
        if (timeout is < 1 or > 300_000)
        {
            throw new CliUsageException($"--timeout {timeout}: give milliseconds between 1 and 300000.");
        }

        var specs = parsed.GetValue(common.Lists) ?? [];
        if (specs.Length == 0)
        {
            throw new CliUsageException("No list given: add --list ZONE (e.g. --list zen.spamhaus.org=127.0.0.[2..11]*3).");
        }

        var deadline = TimeSpan.FromMilliseconds(timeout);
        return new DnsblOptions
        {
            Lists = [.. CliListSpec.ParseAll(specs)],
            Nameservers = [.. parsed.GetValue(common.Nameservers) ?? []],
            Deadline = deadline,
            AttemptTimeout = deadline / 2,
            Attempts = 2,
        };
    }
}
