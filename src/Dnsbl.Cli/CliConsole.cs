using Spectre.Console;

namespace Dnsbl.Cli;

/// <summary>Where the tool writes: plain text writers for JSON, a Spectre console for tables (colour only on a terminal).</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextReader Input { get; init; } = Console.In;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IAnsiConsole CreateTableConsole()
    {
        var isTerminal = ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }
}
