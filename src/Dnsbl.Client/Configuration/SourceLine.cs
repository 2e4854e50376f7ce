namespace Dnsbl.Client.Configuration;

/// <summary>Where a configuration line came from, for problem reports.</summary>
internal readonly record struct SourceLine(string? FileName, int Line, string Text)
{
    public ImportProblem Problem(string reason) => new(Line, Text, reason) { FileName = FileName };
}
