namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// rbldnsd's <c>dnset</c>: <c>example.com</c> lists only that name, <c>*.example.com</c> only its subdomains,
/// <c>.example.com</c> both; <c>!</c> excludes. An exact entry beats wildcards, and the closest wildcard beats farther ones.
/// </summary>
internal sealed class DnSetDataset : IZoneDataset
{
    private readonly Dictionary<string, List<ListingValue?>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ListingValue?>> _subdomainsOf = new(StringComparer.Ordinal);

    private DnSetDataset()
    {
    }

    public DatasetSettings Settings { get; } = new();

    public static DnSetDataset Parse(string data)
    {
        var dataset = new DnSetDataset();
        DatasetReader.Read(data, dataset.Settings, usesListingValues: true, dataset.AddEntry);
        return dataset;
    }

    public IReadOnlyList<ZoneRecord>? Find(string relativeName, string fullName)
    {
        if (relativeName.Length == 0)
        {
            return null;
        }

        var values = _exact.GetValueOrDefault(relativeName);
        var matched = relativeName;
        for (var parent = ParentOf(relativeName); values is null && parent is not null; parent = ParentOf(parent))
        {
            values = _subdomainsOf.GetValueOrDefault(parent);
            matched = parent;
        }

        // "$" is the listed entry (for a wildcard, the domain it hangs from), as rbldnsd expands it.
        return values is null || values.Contains(null)
            ? null
            : ListingRecords.Create(fullName, values.Select(v => v!), matched, Settings.TimeToLive);
    }

    private static string? ParentOf(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : name[(dot + 1)..];
    }

    private void AddEntry(DatasetLine line)
    {
        var entry = line.Entry.ToLowerInvariant().TrimEnd('.');
        var value = line.IsExclusion ? null : ListingValueParser.Parse(line.Value, line.DefaultValue, Settings, line.Number, line.Text);
        if (entry.StartsWith("*.", StringComparison.Ordinal))
        {
            Add(_subdomainsOf, Checked(entry[2..], line), value);
        }
        else if (entry.StartsWith('.'))
        {
            var domain = Checked(entry[1..], line);
            Add(_exact, domain, value);
            Add(_subdomainsOf, domain, value);
        }
        else
        {
            Add(_exact, Checked(entry, line), value);
        }
    }

    private static string Checked(string domain, DatasetLine line) =>
        domain.Length > 0 && !domain.Contains('*', StringComparison.Ordinal) && !domain.Contains("..", StringComparison.Ordinal)
            ? domain
            : throw line.Error($"'{line.Entry}' is not a domain name or wildcard (use name, *.name or .name)");

    private static void Add(Dictionary<string, List<ListingValue?>> map, string key, ListingValue? value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
