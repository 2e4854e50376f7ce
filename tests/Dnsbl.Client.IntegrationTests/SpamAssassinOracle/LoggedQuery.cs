namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// One list query rbldnsd logged: its type, the served zone it fell under, and the key before the zone. A and TXT
/// queries are compared (issue 15 defines the oracle on (zone, key) A queries; SpamAssassin's check_rbl_txt lists, SpamCop
/// and the Validity lists, are asked by TXT only, and so must ours be).
/// </summary>
internal sealed record LoggedQuery(string Type, string Zone, string Key)
{
    public override string ToString() => $"{Type} {Key}.{Zone}";

    /// <summary>
    /// Reads one line of rbldnsd's query log (<c>time peer qname qtype IN: rcode/answers/size</c>). Null for other lines,
    /// types other than A and TXT, and names under no served zone (the MX, NS and DKIM lookups SpamAssassin also sends).
    /// </summary>
    public static LoggedQuery? Parse(string line, IReadOnlyCollection<string> zones)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || fields[3] is not ("A" or "TXT"))
        {
            return null;
        }

        var name = fields[2].TrimEnd('.').ToLowerInvariant();
        var zone = zones.Where(z => name.EndsWith("." + z, StringComparison.Ordinal)).MaxBy(z => z.Length);
        return zone is null || zone == OracleSite.MarkerZone ? null : new LoggedQuery(fields[3], zone, name[..^(zone.Length + 1)]);
    }
}
