namespace Dnsbl.Client.Configuration;

/// <summary>
/// Reads main.cf into parameters: <c>name = value</c>; a line starting with white space continues the previous logical
/// line; lines whose first non-blank character is <c>#</c>, and blank lines, are skipped. The last definition of a
/// parameter wins (as in Postfix); earlier ones are reported.
/// </summary>
internal static class PostfixMainCf
{
    public static Dictionary<string, PostfixParameter> Read(string text, List<ImportProblem> problems)
    {
        var parameters = new Dictionary<string, PostfixParameter>(StringComparer.Ordinal);
        string? name = null;
        SourceLine start = default;
        var value = new List<(int, string)>();
        var number = 0;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                if (name is null)
                {
                    problems.Add(new ImportProblem(number, trimmed, "a continuation line without a parameter before it"));
                }
                else
                {
                    value.Add((number, trimmed));
                }

                continue;
            }

            Flush(parameters, name, start, value, problems);
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add(new ImportProblem(number, trimmed, "not a 'name = value' line"));
                name = null;
                continue;
            }

            name = trimmed[..equals].Trim();
            start = new SourceLine(null, number, trimmed);
            value = [(number, trimmed[(equals + 1)..].Trim())];
        }

        Flush(parameters, name, start, value, problems);
        return parameters;
    }

    private static void Flush(
        Dictionary<string, PostfixParameter> parameters, string? name, SourceLine start, List<(int, string)> value, List<ImportProblem> problems)
    {
        if (name is null)
        {
            return;
        }

        if (parameters.TryGetValue(name, out var earlier))
        {
            problems.Add(earlier.At.Problem($"{name} is defined again on line {start.Line}; the later definition is used"));
        }

        parameters[name] = new PostfixParameter(name, start, [.. value]);
    }
}
