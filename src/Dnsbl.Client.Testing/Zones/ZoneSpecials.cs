namespace Dnsbl.Client.Testing.Zones;

/// <summary>The <c>$</c> specials of rbldnsd data files.</summary>
internal static class ZoneSpecials
{
    public static void Apply(string special, DatasetSettings settings, bool usesListingValues, int lineNumber, string line)
    {
        var fields = special.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            throw new ZoneParseException(lineNumber, line, "a '$' special without a keyword");
        }

        var keyword = fields[0];
        if (keyword.Length == 1 && char.IsAsciiDigit(keyword[0]))
        {
            if (usesListingValues)
            {
                settings.Variables[keyword[0]] = special.Trim()[1..].Trim();
            }

            return;
        }

        switch (keyword.ToUpperInvariant())
        {
            case "SOA":
                settings.Soa ??= ParseSoa(fields, settings, lineNumber, line);
                break;
            case "NS":
                if (settings.NameServers is null)
                {
                    ParseNameServers(fields, settings, lineNumber, line);
                }

                break;
            case "TTL":
                settings.TimeToLive = fields.Length == 2 ? Time(fields[1], lineNumber, line) : throw new ZoneParseException(lineNumber, line, "$TTL takes one time value");
                break;
            case "TIMESTAMP":
            case "MAXRANGE4":
                // Accepted and ignored: test data has no expiry and no range limit.
                break;
            default:
                throw new ZoneParseException(lineNumber, line, $"unsupported special '${keyword}' (supported: $SOA, $NS, $TTL, $1..$9)");
        }
    }

    private static ZoneSoa ParseSoa(string[] fields, DatasetSettings settings, int lineNumber, string line)
    {
        if (fields.Length != 9)
        {
            throw new ZoneParseException(lineNumber, line, "$SOA needs: ttl origin person serial refresh retry expire minimum");
        }

        var ttl = Time(fields[1], lineNumber, line);
        return new ZoneSoa(
            ttl == 0 ? settings.TimeToLive : ttl,
            ZoneNameRules.Normalise(fields[2]),
            ZoneNameRules.Normalise(fields[3]),
            uint.TryParse(fields[4], System.Globalization.CultureInfo.InvariantCulture, out var serial) ? serial : throw new ZoneParseException(lineNumber, line, "the SOA serial is not a number"),
            Time(fields[5], lineNumber, line),
            Time(fields[6], lineNumber, line),
            Time(fields[7], lineNumber, line),
            Time(fields[8], lineNumber, line));
    }

    private static void ParseNameServers(string[] fields, DatasetSettings settings, int lineNumber, string line)
    {
        if (fields.Length < 3)
        {
            throw new ZoneParseException(lineNumber, line, "$NS needs: ttl nameserver...");
        }

        var ttl = Time(fields[1], lineNumber, line);
        settings.NameServerTimeToLive = ttl == 0 ? settings.TimeToLive : ttl;

        // A leading '-' comments one name server out (rbldnsd(8)).
        settings.NameServers = [.. fields.Skip(2).Where(f => !f.StartsWith('-')).Select(ZoneNameRules.Normalise)];
    }

    private static uint Time(string text, int lineNumber, string line) =>
        ZoneTime.TryParse(text, out var seconds) ? seconds : throw new ZoneParseException(lineNumber, line, $"'{text}' is not a time value (number with optional s/m/h/d/w)");
}
