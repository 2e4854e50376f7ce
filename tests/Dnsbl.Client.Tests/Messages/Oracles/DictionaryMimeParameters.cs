namespace Dnsbl.Client.Tests.Messages.Oracles;

/// <summary>
/// The MIME parameter reader as it was before it read parameters on demand: every parameter split into a dictionary up
/// front, kept as the oracle of <c>MimeParameters</c>.
/// </summary>
internal sealed class DictionaryMimeParameters
{
    private readonly Dictionary<string, string> parameters = new(StringComparer.OrdinalIgnoreCase);

    private DictionaryMimeParameters(string value) => Value = value;

    /// <summary>The main value, lower case (e.g. <c>text/html</c>, <c>base64</c>); empty when missing.</summary>
    public string Value { get; }

    /// <summary>The parameter <paramref name="name"/>, or null.</summary>
    public string? this[string name] => parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Parses <paramref name="header"/>; a null header gives an empty value with no parameters.</summary>
    public static DictionaryMimeParameters Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new DictionaryMimeParameters(string.Empty);
        }

        var segments = SplitOutsideQuotes(header);
        var result = new DictionaryMimeParameters(segments[0].Trim().ToLowerInvariant());
        foreach (var segment in segments.Skip(1))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
            }

            result.parameters.TryAdd(name, value);
        }

        return result;
    }

    private static List<string> SplitOutsideQuotes(string header)
    {
        var segments = new List<string>();
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (header[i] == ';' && !inQuotes)
            {
                segments.Add(header[start..i]);
                start = i + 1;
            }
        }

        segments.Add(header[start..]);
        return segments;
    }
}
