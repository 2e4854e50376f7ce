using System.Text.RegularExpressions;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// The documented differences (differences.tsv, mirrored in docs/messages.md): each entry names a message (or *), a
/// difference kind, an item (* matches any run of characters) and the reason it makes us stricter or more correct.
/// A reason may never be "pending": a known failure stays a failure.
/// </summary>
internal sealed class OracleAllowList
{
    private readonly List<Entry> _entries;

    private OracleAllowList(List<Entry> entries) => _entries = entries;

    public IReadOnlyList<string> Unused => [.. _entries.Where(e => e.Uses == 0).Select(e => e.ToString())];

    /// <summary>Every entry as (message, kind, item, reason), in file order.</summary>
    public IEnumerable<(string Message, OracleDifferenceKind Kind, string Item, string Reason)> Entries =>
        _entries.Select(e => (e.Message, e.Kind, e.Item, e.Reason));

    /// <summary>The allowed differences (differences.tsv) and the known gaps still to close (known-gaps.tsv).</summary>
    public static OracleAllowList Load() => new(
    [
        .. Parse(File.ReadAllLines(Path.Combine(OracleSite.Folder, "differences.tsv")))._entries,
        .. Parse(File.ReadAllLines(Path.Combine(OracleSite.Folder, "known-gaps.tsv")), knownGap: true)._entries,
    ]);

    /// <summary>
    /// For the real corpus: the general entries of differences.tsv, then RealCorpus/differences.tsv and
    /// RealCorpus/known-gaps.tsv (the synthetic corpus's message-named gaps would all read as closed here).
    /// </summary>
    public static OracleAllowList LoadReal() => new(
    [
        .. Parse(File.ReadAllLines(Path.Combine(OracleSite.Folder, "differences.tsv")))._entries,
        .. Parse(File.ReadAllLines(Path.Combine(OracleSite.RealCorpusFolder, "differences.tsv")))._entries,
        .. Parse(File.ReadAllLines(Path.Combine(OracleSite.RealCorpusFolder, "known-gaps.tsv")), knownGap: true)._entries,
    ]);

    /// <summary>Known gaps of the given kinds that no comparison met: closed, so their lines must go.</summary>
    public IReadOnlyList<string> ClosedGaps(Func<OracleDifferenceKind, bool> kinds) =>
        [.. _entries.Where(e => e.IsKnownGap && e.Uses == 0 && kinds(e.Kind)).Select(e => e.ToString())];

    public static OracleAllowList Parse(IEnumerable<string> lines, bool knownGap = false)
    {
        var entries = new List<Entry>();
        foreach (var (line, number) in lines.Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 4 || !Enum.TryParse<OracleDifferenceKind>(fields[1], out var kind) || string.IsNullOrWhiteSpace(fields[3])
                || fields[3].StartsWith("pending", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"differences.tsv:{number}: expected 'message<TAB>kind<TAB>item<TAB>reason' with a real reason: {line}");
            }

            entries.Add(new Entry(fields[0], kind, fields[2], fields[3]) { IsKnownGap = knownGap });
        }

        return new OracleAllowList(entries);
    }

    /// <summary>The reason <paramref name="difference"/> is allowed, or null.</summary>
    public string? ReasonFor(OracleDifference difference)
    {
        var entry = _entries.FirstOrDefault(e => e.Matches(difference));
        if (entry is null)
        {
            return null;
        }

        entry.Uses++;
        return entry.Reason;
    }

    private sealed class Entry(string message, OracleDifferenceKind kind, string item, string reason)
    {
        private readonly Regex _message = Glob(message);
        private readonly Regex _item = Glob(item);

        public string Message => message;

        public OracleDifferenceKind Kind => kind;

        public string Item => item;

        public string Reason => reason;

        public int Uses { get; set; }

        public bool IsKnownGap { get; init; }

        public bool Matches(OracleDifference difference) =>
            difference.Kind == kind && _message.IsMatch(difference.Message) && _item.IsMatch(difference.Item);

        public override string ToString() => $"{message} {kind} {item}";

        private static Regex Glob(string pattern) =>
            new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
