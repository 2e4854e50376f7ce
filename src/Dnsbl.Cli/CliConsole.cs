using Spectre.Console;

namespace Dnsbl.Cli;

/// <summary>Where the tool writes: plain text writers for JSON and CSV, a Spectre console for tables (colour only on a terminal).</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextReader Input { get; init; } = Console.In;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Whether <see cref="Output"/> reaches a terminal (colours, markup); false for files, pipes and tests.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether <see cref="Error"/> reaches a terminal (progress bar of <c>check -f</c>).</summary>
    public bool ErrorIsTerminal { get; init; }

    // Files and pipes have no width of their own; Spectre's default of 80 columns would fold zones, paths and codes.
    private const int RedirectedWidth = 200;

    public IAnsiConsole CreateTableConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!OutputIsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
