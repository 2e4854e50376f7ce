namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// The line loop every dataset shares: comments, specials (<c>$SOA</c>, <c>$NS</c>, <c>$TTL</c>, <c>$n</c>),
/// default-value lines (<c>:A:TXT</c>) and exclusions (<c>!entry</c>); data lines go to the dataset.
/// </summary>
internal static class DatasetReader
{
    public static void Read(string data, DatasetSettings settings, bool usesListingValues, Action<DatasetLine> onEntry, bool entriesMayStartWithColons = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var defaultValue = ListingValue.Default;
        var lineNumber = 0;
        foreach (var rawLine in data.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r', ' ', '\t');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                continue;
            }

            // "#$" and ";$" are specials too, so files can be shared with djb's rbldns (rbldnsd(8), Special Entries).
            if (trimmed[0] == '$' || (trimmed.Length > 1 && trimmed[1] == '$' && trimmed[0] is '#' or ';'))
            {
                ZoneSpecials.Apply(trimmed[(trimmed.IndexOf('$', StringComparison.Ordinal) + 1)..], settings, usesListingValues, lineNumber, line);
                continue;
            }

            if (trimmed[0] is '#' or ';')
            {
                continue;
            }

            // In ip6trie "::ffff:7f00:2" is an entry, not a default line.
            if (usesListingValues && trimmed[0] == ':' && !(entriesMayStartWithColons && trimmed.StartsWith("::", StringComparison.Ordinal)))
            {
                defaultValue = ListingValueParser.Parse(trimmed, ListingValue.Default, settings, lineNumber, line);
                continue;
            }

            var isExclusion = trimmed[0] == '!';
            var body = isExclusion ? trimmed[1..].TrimStart() : trimmed;
            var split = FindEntryEnd(body);
            var entry = body[..split];
            var value = body[split..].Trim();
            if (entry.Length == 0)
            {
                throw new ZoneParseException(lineNumber, line, "the entry is empty");
            }

            onEntry(new DatasetLine(lineNumber, line, entry, value, isExclusion, defaultValue));
        }
    }

    private static int FindEntryEnd(string body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (char.IsWhiteSpace(body[i]))
            {
                return i;
            }
        }

        return body.Length;
    }
}
