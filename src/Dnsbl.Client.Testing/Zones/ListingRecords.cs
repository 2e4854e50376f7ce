using Dnsbl.Client.Dns.Protocol;
using System.Text;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>Turns the values of a listed entry into A and TXT records, with <c>$</c> replaced by the queried key.</summary>
internal static class ListingRecords
{
    public static List<ZoneRecord> Create(string name, IEnumerable<ListingValue> values, string key, uint timeToLive)
    {
        var records = new List<ZoneRecord>();
        foreach (var value in values.Distinct())
        {
            if (!records.Exists(r => r.Type == DnsRecordType.A && r.Address!.Equals(value.Code)))
            {
                records.Add(new ZoneRecord(name, DnsRecordType.A, timeToLive) { Address = value.Code });
            }

            if (value.TextTemplate is { } template)
            {
                var text = Substitute(template, key);
                if (!records.Exists(r => r.Type == DnsRecordType.TXT && r.Text == text))
                {
                    records.Add(new ZoneRecord(name, DnsRecordType.TXT, timeToLive) { Text = text });
                }
            }
        }

        return records;
    }

    /// <summary><c>$$</c> is a literal dollar; a lone <c>$</c> is the key (rbldnsd(8), Resulting A values and TXT templates).</summary>
    public static string Substitute(string template, string key)
    {
        var builder = new StringBuilder(template.Length + key.Length);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$')
            {
                builder.Append(template[i]);
            }
            else if (i + 1 < template.Length && template[i + 1] == '$')
            {
                builder.Append('$');
                i++;
            }
            else
            {
                builder.Append(key);
            }
        }

        return builder.ToString();
    }
}
