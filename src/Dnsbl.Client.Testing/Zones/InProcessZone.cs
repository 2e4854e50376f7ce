using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// One served zone: its datasets combined as rbldnsd combines them (records of every dataset that has the name),
/// SOA and NS from the first dataset that gives them, SOA in the authority section of negative answers.
/// </summary>
internal sealed class InProcessZone
{
    public InProcessZone(string name, IReadOnlyList<IZoneDataset> datasets)
    {
        Name = name;
        Datasets = datasets;
        var soa = datasets.Select(d => d.Settings.Soa).FirstOrDefault(s => s is not null);
        var nsSettings = datasets.Select(d => d.Settings).FirstOrDefault(s => s.NameServers is not null);
        SoaRecord = soa is null ? null : new ZoneRecord(name, DnsRecordType.SOA, soa.TimeToLive) { Soa = soa };
        NameServerRecords = nsSettings is null
            ? []
            : [.. nsSettings.NameServers!.Select(ns => new ZoneRecord(name, DnsRecordType.NS, nsSettings.NameServerTimeToLive) { Target = ns })];
    }

    public string Name { get; }

    public IReadOnlyList<IZoneDataset> Datasets { get; }

    public ZoneRecord? SoaRecord { get; }

    public IReadOnlyList<ZoneRecord> NameServerRecords { get; }

    public ZoneAnswer Lookup(string name, DnsRecordType type)
    {
        var relative = ZoneNameRules.Relative(name, Name);
        var isApex = relative.Length == 0;
        List<ZoneRecord>? records = isApex ? [] : null;

        // Observed with rbldnsd 1.0pre: an IPv4-mapped IPv6 query goes to the ip4set datasets when the zone has one.
        var skipIp6 = Datasets.Any(d => d is Ip4SetDataset) && Ip6TrieDataset.IsMappedIpv4Name(relative);
        foreach (var dataset in Datasets)
        {
            if (skipIp6 && dataset is Ip6TrieDataset)
            {
                continue;
            }

            if (dataset.Find(relative, name) is { } found)
            {
                (records ??= []).AddRange(found);
            }
        }

        if (isApex)
        {
            if (SoaRecord is null && type == DnsRecordType.SOA)
            {
                // Without $SOA rbldnsd refuses the apex SOA query (rbldnsd(8), $SOA).
                return ZoneAnswer.NotServed;
            }

            if (NameServerRecords.Count == 0 && type == DnsRecordType.NS)
            {
                // Likewise without $NS it refuses the apex NS query (observed with rbldnsd 1.0pre).
                return ZoneAnswer.NotServed;
            }

            records!.AddRange(NameServerRecords);
            if (SoaRecord is not null)
            {
                records.Add(SoaRecord);
            }
        }

        if (records is null)
        {
            return new ZoneAnswer(ZoneAnswer.NameError, [], NegativeAuthority());
        }

        // Identical records from several datasets are sent once, as rbldnsd does.
        var answers = records.Where(r => type == ZoneRecord.Any || r.Type == type).Distinct().ToList();
        if (answers.Count == 0)
        {
            return new ZoneAnswer(ZoneAnswer.NoError, [], NegativeAuthority());
        }

        return new ZoneAnswer(ZoneAnswer.NoError, answers, NameServerRecords);
    }

    private ZoneRecord[] NegativeAuthority() =>
        SoaRecord is null ? [] : [SoaRecord with { TimeToLive = SoaRecord.Soa!.NegativeTimeToLive }];
}
