namespace Dnsbl.Client.Configuration;

/// <summary>One main.cf parameter (a logical line): its name, where it starts, and its value as (line, text) pieces.</summary>
internal sealed record PostfixParameter(string Name, SourceLine At, IReadOnlyList<(int Line, string Text)> Value)
{
    private static readonly char[] Separators = [',', ' ', '\t'];

    /// <summary>The value split into entries (comma and/or white space separated), each with its own line.</summary>
    public IEnumerable<SourceLine> Entries() =>
        Value.SelectMany(piece => piece.Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => new SourceLine(null, piece.Line, entry)));

    /// <summary>The whole value on one line.</summary>
    public string Text => string.Join(' ', Value.Select(piece => piece.Text.Trim())).Trim();
}
