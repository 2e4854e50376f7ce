using System.Text;
using Dnsbl.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

// Console.Out flushes on every write: 100,000 result lines would cost 100,000 system calls. Buffer stdout and flush
// once at the end (a terminal still sees each table whole; JSON Lines reach a pipe in 64 KiB blocks).
var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
var console = new CliConsole(output, Console.Error)
{
    OutputIsTerminal = !Console.IsOutputRedirected,
    ErrorIsTerminal = !Console.IsErrorRedirected,
};
try
{
    return await CliApplication.RunAsync(args, console, interrupted.Token).ConfigureAwait(false);
}
finally
{
    await output.DisposeAsync().ConfigureAwait(false);
}
