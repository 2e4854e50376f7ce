namespace Dnsbl.Client.Configuration;

/// <summary>Reads the Postfix lookup tables an import can read without Postfix: <c>texthash:</c> files and <c>inline:</c> maps.</summary>
internal static class PostfixMaps
{
    /// <summary>texthash: "key value" lines; '#' comments; a line starting with white space continues the previous one; keys fold to lower case.</summary>
    public static Dictionary<string, string> ReadTextHash(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? logical = null;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').Append(string.Empty))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && logical is not null && trimmed.Length > 0)
            {
                logical += " " + trimmed;
                continue;
            }

            Add(map, logical);
            logical = trimmed.Length == 0 ? null : trimmed;
        }

        return map;
    }

    /// <summary>inline:{ key=value, { key = value with spaces } }.</summary>
    public static Dictionary<string, string>? ReadInline(string text, SourceLine at, List<ImportProblem> problems)
    {
        var body = text.Trim();
        if (body.Length < 2 || body[0] != '{' || body[^1] != '}')
        {
            problems.Add(at.Problem("an inline: map must be enclosed in { }"));
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in SplitInline(body[1..^1]))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add(at.Problem($"the inline: entry '{entry}' has no key=value"));
                continue;
            }

            map[entry[..equals].Trim()] = entry[(equals + 1)..].Trim();
        }

        return map;
    }

    private static IEnumerable<string> SplitInline(string body)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] == '{')
            {
                depth++;
            }
            else if (i < body.Length && body[i] == '}')
            {
                depth--;
            }
            else if (i == body.Length || (depth == 0 && (body[i] == ',' || char.IsWhiteSpace(body[i]))))
            {
                var entry = body[start..i].Trim().Trim('{', '}').Trim();
                if (entry.Length > 0)
                {
                    yield return entry;
                }

                start = i + 1;
            }
        }
    }

    private static void Add(Dictionary<string, string> map, string? logical)
    {
        if (logical is null)
        {
            return;
        }

        var split = logical.IndexOfAny([' ', '\t']);
        if (split > 0)
        {
            map[logical[..split]] = logical[(split + 1)..].Trim();
        }
    }
}
