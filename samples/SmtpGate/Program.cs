using Dnsbl.Client;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Samples.SmtpGate;
using Microsoft.Extensions.Logging;

// A postscreen-like SMTP front door. Default: the in-process demo zones; --dns HOST:PORT and --list ZONE use real ones.
if (!GateCommandLine.TryParse(args, out var settings, out var error))
{
    await Console.Error.WriteLineAsync(error + Environment.NewLine + GateCommandLine.Usage).ConfigureAwait(false);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
var logger = loggerFactory.CreateLogger("SmtpGate");
await using var demo = settings.Nameservers.Count == 0 ? await DemoZones.StartEmbeddedAsync().ConfigureAwait(false) : null;
var options = settings.ToClientOptions(demo);
await using var client = new DnsblClient(options, loggerFactory);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

settings.Gate.MessageAccepted = (message, _) =>
{
    Console.WriteLine($"accepted {message.QueueId} from [{message.ClientAddress}] <{message.Sender}> to {string.Join(", ", message.Recipients)}");
    Console.WriteLine(message.Content.Split("\r\n")[0]);
    return ValueTask.CompletedTask;
};
SmtpGateServer gate;
try
{
    gate = SmtpGateServer.Start(settings.Gate, client, logger);
}
catch (System.Net.Sockets.SocketException exception)
{
    await Console.Error.WriteLineAsync($"Cannot listen on {settings.Gate.ListenEndPoint}: {exception.Message} (try --listen 127.0.0.1:2526)").ConfigureAwait(false);
    return 1;
}

await using var running = gate;
Console.WriteLine($"SmtpGate listening on {gate.EndPoint}; lists: {string.Join(", ", client.Lists.Select(l => l.DisplayZone))}. Ctrl+C stops.");
await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
return 0;
