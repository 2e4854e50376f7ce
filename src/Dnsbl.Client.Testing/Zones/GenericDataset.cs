using Dnsbl.Client.Dns.Protocol;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// rbldnsd's <c>generic</c>: <c>name [ttl] type value</c> per line, names relative to the zone (<c>@</c> is the apex),
/// types A, AAAA, TXT, NS and MX (<c>MX pref target</c>). rbldnsd itself knows only A, TXT and MX.
/// </summary>
internal sealed class GenericDataset : IZoneDataset
{
    private readonly Dictionary<string, List<ZoneRecord>> _records = new(StringComparer.Ordinal);

    private GenericDataset()
    {
    }

    public DatasetSettings Settings { get; } = new();

    public static GenericDataset Parse(string data)
    {
        var dataset = new GenericDataset();
        DatasetReader.Read(data, dataset.Settings, usesListingValues: false, dataset.AddEntry);
        return dataset;
    }

    public IReadOnlyList<ZoneRecord>? Find(string relativeName, string fullName) =>
        _records.TryGetValue(relativeName, out var records) ? [.. records.Select(r => r with { Name = fullName })] : null;

    private void AddEntry(DatasetLine line)
    {
        var name = line.Entry == "@" ? string.Empty : ZoneNameRules.Normalise(line.Entry);
        var rest = line.Value;
        var fields = rest.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        var ttl = Settings.TimeToLive;
        if (fields.Length > 0 && char.IsAsciiDigit(fields[0][0]))
        {
            ttl = ZoneTime.TryParse(fields[0], out var parsed) ? parsed : throw line.Error($"'{fields[0]}' is not a TTL");
            fields = fields.Length > 1 ? fields[1].Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) : [];
        }

        if (fields.Length != 2)
        {
            throw line.Error("expected: name [ttl] type value");
        }

        var value = fields[1].Trim();
        var record = fields[0].ToUpperInvariant() switch
        {
            "A" => new ZoneRecord(name, DnsRecordType.A, ttl) { Address = Address(value, AddressFamily.InterNetwork, line) },
            "AAAA" => new ZoneRecord(name, DnsRecordType.AAAA, ttl) { Address = Address(value, AddressFamily.InterNetworkV6, line) },
            "TXT" => new ZoneRecord(name, DnsRecordType.TXT, ttl) { Text = Unquote(value) },
            "NS" => new ZoneRecord(name, DnsRecordType.NS, ttl) { Target = ZoneNameRules.Normalise(value) },
            "MX" => MailExchange(name, ttl, value, line),
            _ => throw line.Error($"unsupported record type '{fields[0]}' (supported: A, AAAA, TXT, NS, MX)"),
        };

        if (!_records.TryGetValue(name, out var list))
        {
            _records[name] = list = [];
        }

        list.Add(record);
    }

    private static IPAddress Address(string text, AddressFamily family, DatasetLine line) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == family
            ? address
            : throw line.Error($"'{text}' is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private static ZoneRecord MailExchange(string name, uint ttl, string value, DatasetLine line)
    {
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var preference)
            ? new ZoneRecord(name, ZoneRecord.MailExchange, ttl) { Preference = preference, Target = ZoneNameRules.Normalise(parts[1]) }
            : throw line.Error("MX needs: preference target");
    }
}
