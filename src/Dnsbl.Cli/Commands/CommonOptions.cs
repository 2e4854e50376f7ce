using System.CommandLine;

namespace Dnsbl.Cli.Commands;

/// <summary>The options every command that builds a client shares: which lists, which nameservers, how long, which file, which output.</summary>
internal sealed class CommonOptions
{
    public Option<string[]> Lists { get; } = new("--list", "-l")
    {
        Description = "A list: postscreen syntax zone[=filter][*weight] with an optional kind prefix ip: (default), domain: or uri:, " +
            "or a catalogue name (see 'dnsbl lists'); repeatable. Replaces the lists of --config.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Nameservers { get; } = new("--dns")
    {
        Description = "A nameserver as HOST[:PORT] ([v6]:port for IPv6); repeatable. Default: --config's, else /etc/resolv.conf.",
    };

    public Option<int?> TimeoutMilliseconds { get; } = new("--timeout")
    {
        Description = "The deadline of one check in milliseconds (each of two attempts gets half). Default: --config's, else 5000 (attempts as /etc/resolv.conf says, or 1000 each).",
    };

    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "Read lists, nameservers, time limits and thresholds from FILE: the JSON 'dnsbl import' writes, or an " +
            "appsettings.json with a \"Dnsbl\" section. Options on the command line override the file.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON (camelCase) instead of a table.",
    };

    public Option<string> Redis { get; } = new("--redis")
    {
        Description = "Share answers with other mail servers through the Redis that CONFIG names (a StackExchange.Redis configuration " +
            "string, e.g. localhost:6379). A Redis that is down or slow is bypassed: checks go on to DNS. 'check' and 'health' wait " +
            "up to 2 s for a reply (at most half of --timeout); 'policy' keeps Dnsbl:Redis:OperationTimeout (250 ms by default).",
        HelpName = "CONFIG",
    };

    public void AddTo(Command command)
    {
        command.Add(Config);
        command.Add(Lists);
        command.Add(Nameservers);
        command.Add(TimeoutMilliseconds);
        command.Add(Json);
    }
}
