using System.Text.RegularExpressions;

namespace Dnsbl.Client.Tests.Architecture;

/// <summary>
/// The dependency table of docs/DESIGN.md, read from the document itself so that the document is the one place the
/// rule is written: each row names a component (a folder such as <c>Dns/Protocol/</c>, or a group of root-namespace
/// types such as <c>(outcomes)</c> whose types its "owns" cell names) and the components it may use.
/// </summary>
internal sealed partial class DependencyTable
{
    public const string RootNamespace = "Dnsbl.Client";
    private const string Everything = "every component";

    private readonly Dictionary<string, HashSet<string>?> _mayUse = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rootTypes = new(StringComparer.Ordinal);

    private DependencyTable()
    {
    }

    /// <summary>Every component the table names.</summary>
    public IEnumerable<string> Components => _mayUse.Keys;

    public static DependencyTable Parse(string markdown)
    {
        var table = new DependencyTable();
        var section = markdown[markdown.IndexOf("## Where things live", StringComparison.Ordinal)..];
        foreach (var line in section.Split('\n').Skip(1).Select(l => l.Trim()).TakeWhile(l => l.Length == 0 || l.StartsWith('|') || !l.StartsWith("##", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 5 || !cells[1].StartsWith('`'))
            {
                continue;
            }

            var component = cells[1].Trim('`');
            var uses = cells[3];
            table._mayUse[component] = uses.Contains(Everything, StringComparison.Ordinal) ? null
                : [.. Backticked().Matches(uses).Select(m => m.Groups[1].Value)];
            if (component.StartsWith('('))
            {
                foreach (Match type in Backticked().Matches(cells[2]))
                {
                    table._rootTypes[type.Groups[1].Value] = component;
                }
            }
        }

        return table;
    }

    /// <summary>The component of a top-level type: its folder (<c>Dns/Protocol/</c>), a root group for root types, or null outside our namespaces.</summary>
    public string? ComponentOf(string ns, string typeName)
    {
        if (ns == RootNamespace)
        {
            return _rootTypes.TryGetValue(typeName, out var group) ? group : $"(root type {typeName} in no row)";
        }

        return ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
            ? ns[(RootNamespace.Length + 1)..].Replace('.', '/') + "/"
            : null;
    }

    /// <summary>Whether <paramref name="from"/> may use <paramref name="to"/>; false for a component the table does not name.</summary>
    public bool Allows(string from, string to) =>
        _mayUse.TryGetValue(from, out var allowed) && (allowed is null || allowed.Contains(to));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
