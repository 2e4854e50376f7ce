using System.CommandLine;
using System.Net;
using Dnsbl.Cli.Output;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl check --message FILE [--relays SELECTION] [--trusted CIDR]...</c>: checks one RFC 5322 message — its
/// Received relays against ip: lists, its HELO/sender domains against domain: lists, its links against uri: lists.
/// Each ip: list asks the relays of its own <see cref="DnsList.Relays"/> unless --relays sets one selection for all.
/// </summary>
internal sealed class MessageCheck
{
    public Option<FileInfo?> Message { get; } = new("--message", "-m")
    {
        Description = "Check an RFC 5322 message file (relays, sender domains and links) instead of single inputs.",
    };

    public Option<RelaySelection?> Relays { get; } = new("--relays")
    {
        Description = "Which Received relays every ip: list asks about in a --message check; without it each list uses its own (catalogue lists: SpamAssassin's sets).",
    };

    public Option<string[]> Trusted { get; } = new("--trusted")
    {
        Description = "A network (CIDR) of your own relays, not judged in a --message check; repeatable.",
    };

    public Option<bool> AskReserved { get; } = new("--ask-reserved")
    {
        Description = "In a --message check, also ask reserved and documentation addresses and special-use names (.test, .example), for lab zones.",
    };

    public void AddTo(Command command)
    {
        command.Add(AskReserved);
        command.Add(Message);
        command.Add(Relays);
        command.Add(Trusted);
    }

    public async Task<int> RunAsync(
        CliConsole console, ParseResult parsed, DnsblOptions options, CheckFormat format, bool probe, CancellationToken cancellationToken)
    {
        var file = parsed.GetValue(Message)!;
        if (!file.Exists)
        {
            throw new CliUsageException($"--message {file.FullName}: no such file.");
        }

        if (format == CheckFormat.Csv)
        {
            throw new CliUsageException("--format csv is for many inputs; a --message check writes a table or JSON.");
        }

        var messageOptions = new MessageOptions
        {
            TrustedNetworks = [.. (parsed.GetValue(Trusted) ?? []).Select(ParseNetwork)],
            AskReserved = parsed.GetValue(AskReserved),
        };

        // Each list keeps the relays its rules name (an imported -lastexternal rule asks one relay) unless --relays is given.
        if (parsed.GetValue(Relays) is { } chosen)
        {
            var lists = options.Lists.Select(list => WithRelays(list, chosen)).ToList();
            options.Lists.Clear();
            lists.ForEach(options.Lists.Add);
        }

        MessageContext message;
        await using (var stream = file.OpenRead())
        {
            message = await MessageContext.ParseAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        await using var client = new DnsblClient(options);
        if (probe)
        {
            await client.Health.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = await client.CheckMessageAsync(message, messageOptions, cancellationToken).ConfigureAwait(false);
        var thresholds = ThresholdsJson.From(options.Thresholds);
        if (format == CheckFormat.Json)
        {
            await MessageJson.WriteAsync(console.Output, file.Name, result, thresholds, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            MessageTable.Write(console.CreateTableConsole(), file.Name, result, thresholds);
        }

        return result.Verdict == DnsblVerdict.Reject ? ExitCodes.Listed : ExitCodes.Clean;
    }

    private static IPNetwork ParseNetwork(string text) => IPNetwork.TryParse(text, out var network)
        ? network
        : throw new CliUsageException($"--trusted {text}: not a network in CIDR form (e.g. 192.0.2.0/24).");

    private static DnsList WithRelays(DnsList list, RelaySelection relays) => list.IsIpList ? list with { Relays = relays } : list;
}
