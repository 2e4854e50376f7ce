namespace Dnsbl.Client.Configuration;

/// <summary>One line of an imported configuration that could not be imported (or was imported only in part), and why.</summary>
/// <param name="Line">The 1-based line number in its file.</param>
/// <param name="Text">The line's text (trimmed), or the entry of the line concerned.</param>
/// <param name="Reason">Why it was not imported, or what was changed.</param>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed record ImportProblem(int Line, string Text, string Reason)
{
    /// <summary>The file the line is in, when the import read several files; null otherwise.</summary>
    public string? FileName { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        FileName is null ? $"line {Line}: {Reason} ({Text})" : $"{FileName}:{Line}: {Reason} ({Text})";
}
