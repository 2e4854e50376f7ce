using Dnsbl.Client.Dns.Protocol;
using System.Collections.Immutable;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// The zones an <see cref="InProcessDnsServer"/> serves, built from rbldnsd-style dataset text. Several datasets may
/// serve one zone (their answers combine, as in rbldnsd). Safe to change while a server is running: each lookup sees
/// either the old or the new set, so a test can start or stop listing an address mid-test.
/// </summary>
public sealed class ZoneSet
{
    private readonly Lock _writeLock = new();
    private ImmutableDictionary<string, InProcessZone> _zones = ImmutableDictionary.Create<string, InProcessZone>(StringComparer.Ordinal);

    /// <summary>The names of the served zones (lower case, without trailing dot).</summary>
    public IReadOnlyCollection<string> ZoneNames => [.. _zones.Keys];

    /// <summary>Parses <paramref name="data"/> as a dataset of <paramref name="datasetType"/> and adds it to zone <paramref name="zoneName"/>.</summary>
    /// <param name="zoneName">The zone, e.g. <c>bl.demo.test</c>; created when new.</param>
    /// <param name="datasetType">The rbldnsd dataset format of <paramref name="data"/>.</param>
    /// <param name="data">The dataset text, as in an rbldnsd data file.</param>
    /// <returns>This set, for chaining.</returns>
    /// <exception cref="ZoneParseException">The data has a line that cannot be read.</exception>
    /// <exception cref="ArgumentException">The zone name is empty.</exception>
    public ZoneSet Add(string zoneName, ZoneDatasetType datasetType, string data)
    {
        ArgumentNullException.ThrowIfNull(zoneName);
        ArgumentNullException.ThrowIfNull(data);
        var name = ZoneNameRules.Normalise(zoneName);
        if (name.Length == 0)
        {
            throw new ArgumentException("The zone name is empty.", nameof(zoneName));
        }

        IZoneDataset dataset = datasetType switch
        {
            ZoneDatasetType.Ip4Set => Ip4SetDataset.Parse(data),
            ZoneDatasetType.Ip6Trie => Ip6TrieDataset.Parse(data),
            ZoneDatasetType.DnSet => DnSetDataset.Parse(data),
            ZoneDatasetType.Generic => GenericDataset.Parse(data),
            _ => throw new ArgumentOutOfRangeException(nameof(datasetType), datasetType, "Unknown dataset type."),
        };

        lock (_writeLock)
        {
            var datasets = _zones.TryGetValue(name, out var existing) ? [.. existing.Datasets, dataset] : new[] { dataset };
            _zones = _zones.SetItem(name, new InProcessZone(name, datasets));
        }

        return this;
    }

    /// <summary>Stops serving a zone: its names then answer REFUSED, like a zone rbldnsd does not serve.</summary>
    /// <param name="zoneName">The zone to remove.</param>
    /// <returns>True when the zone was served.</returns>
    public bool Remove(string zoneName)
    {
        ArgumentNullException.ThrowIfNull(zoneName);
        lock (_writeLock)
        {
            var before = _zones;
            _zones = _zones.Remove(ZoneNameRules.Normalise(zoneName));
            return !ReferenceEquals(before, _zones);
        }
    }

    /// <summary>Reads an rbldnsd dataset type name (<c>ip4set</c>, <c>ip6trie</c>, <c>dnset</c>, <c>generic</c>).</summary>
    internal static bool TryParseDatasetType(string text, out ZoneDatasetType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "ip4set": type = ZoneDatasetType.Ip4Set; return true;
            case "ip6trie": type = ZoneDatasetType.Ip6Trie; return true;
            case "dnset": type = ZoneDatasetType.DnSet; return true;
            case "generic": type = ZoneDatasetType.Generic; return true;
            default: type = default; return false;
        }
    }

    /// <summary>Answers one question from the zone that holds the name most specifically; REFUSED when none does.</summary>
    internal ZoneAnswer Lookup(string name, DnsRecordType type)
    {
        var normalised = ZoneNameRules.Normalise(name);
        InProcessZone? best = null;
        foreach (var zone in _zones.Values)
        {
            if (ZoneNameRules.IsAtOrBelow(normalised, zone.Name) && (best is null || zone.Name.Length > best.Name.Length))
            {
                best = zone;
            }
        }

        return best?.Lookup(normalised, type) ?? ZoneAnswer.NotServed;
    }
}
