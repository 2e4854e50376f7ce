using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Dnsbl.Cli;

/// <summary>Real examples printed at the end of a command's <c>--help</c>, after the generated usage and options.</summary>
internal static class CliExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> ByCommand = [];

    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        ByCommand.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes the root's help option (inherited by every command) append the examples of the command asked about.</summary>
    public static void AddToHelp(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
    }

    internal sealed class ExamplesHelpAction(HelpAction generated) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = generated.Invoke(parseResult);
            if (ByCommand.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            return exitCode;
        }
    }
}
