namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// One list query rbldnsd logged: its type, the served zone it fell under, and the key before the zone. Only A queries
/// are compared (issue 15 defines the oracle on (zone, key) A queries); SpamAssassin's TXT-only rules (SpamCop, the
/// Validity lists) therefore show up as A queries only we send, or as hits only one side has.
/// </summary>
internal sealed record LoggedQuery(string Type, string Zone, string Key)
{
    public override string ToString() => $"{Type} {Key}.{Zone}";

    /// <summary>
    /// Reads one line of rbldnsd's query log (<c>time peer qname qtype IN: rcode/answers/size</c>). Null for other lines,
    /// types other than A, and names under no served zone (the MX, NS and DKIM lookups SpamAssassin also sends).
    /// </summary>
    public static LoggedQuery? Parse(string line, IReadOnlyCollection<string> zones)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || fields[3] != "A")
        {
            return null;
        }

        var name = fields[2].TrimEnd('.').ToLowerInvariant();
        var zone = zones.Where(z => name.EndsWith("." + z, StringComparison.Ordinal)).MaxBy(z => z.Length);
        return zone is null || zone == OracleSite.MarkerZone ? null : new LoggedQuery(fields[3], zone, name[..^(zone.Length + 1)]);
    }
}
