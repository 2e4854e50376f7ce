using System.CommandLine;

namespace Dnsbl.Cli.Commands;

/// <summary>The options every list-using command shares: which lists, which nameservers, how long, which output.</summary>
internal sealed class CommonOptions
{
    public Option<string[]> Lists { get; } = new("--list", "-l")
    {
        Description = "A list as postscreen syntax zone[=filter][*weight], with an optional kind prefix ip: (default), domain: or uri:; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Nameservers { get; } = new("--dns")
    {
        Description = "A nameserver as HOST[:PORT] ([v6]:port for IPv6); repeatable. Default: /etc/resolv.conf.",
    };

    public Option<int> TimeoutMilliseconds { get; } = new("--timeout")
    {
        Description = "The deadline of one check in milliseconds.",
        DefaultValueFactory = _ => 5000,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON (camelCase) instead of a table.",
    };

    public void AddTo(Command command)
    {
        command.Add(Lists);
        command.Add(Nameservers);
        command.Add(TimeoutMilliseconds);
        command.Add(Json);
    }
}
