using System.Net;

namespace Dnsbl.Cli.Commands;

/// <summary>Reads the inputs of <c>dnsbl check -f FILE</c>: one per line, <c>#</c> starts a comment, blank lines are skipped; <c>-</c> is stdin.</summary>
internal static class CheckInputFile
{
    public const string StandardInput = "-";

    public static async Task<IReadOnlyList<string>> ReadAsync(string path, TextReader standardInput, CancellationToken cancellationToken)
    {
        if (path == StandardInput)
        {
            return Parse("stdin", await standardInput.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }

        try
        {
            return Parse(path, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"-f: cannot read '{path}': {missing.Message}");
        }
    }

    public static IReadOnlyList<string> Parse(string source, string text)
    {
        var inputs = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            var input = (comment < 0 ? line : line[..comment]).Trim();
            if (input.Length == 0)
            {
                continue;
            }

            // Inputs that look like neither an address nor a name fail before the first lookup; the client judges the rest.
            if (!IPAddress.TryParse(input, out _) && (input.Contains(' ', StringComparison.Ordinal) || !input.Contains('.', StringComparison.Ordinal)))
            {
                throw new CliUsageException($"{source}:{number}: '{input}' is neither an IP address nor a domain (one input per line).");
            }

            inputs.Add(input);
        }

        return inputs;
    }
}
