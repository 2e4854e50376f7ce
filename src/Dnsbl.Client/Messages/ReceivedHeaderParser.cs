using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Reads Received headers as the receiving MTA wrote them, in the formats SpamAssassin's parser knows (Postfix, Sendmail,
/// Exim, qmail, Exchange/Microsoft 365, Gmail, Yahoo, Courier, MDaemon, OpenSMTPD, Haraka, Zimbra, Communigate...). The
/// client address comes from the receiver's own record of the connection (the TCP-info comment), never from the HELO
/// argument the client chose. Local steps and mail-fetcher hops are told apart from relays; nothing here throws.
/// </summary>
internal static partial class ReceivedHeaderParser
{
    // Longer values are cut before parsing: a real header is far shorter, and it bounds the work per header.
    private const int MaxParsedLength = 2048;

    /// <summary>Parses one Received value (or a synthetic "from X-Originating-IP: ip" line).</summary>
    /// <returns>What the header is; <paramref name="relay"/> is set only for <see cref="ReceivedParseKind.Relay"/>.</returns>
    public static ReceivedParseKind Parse(string header, out ReceivedRelay? relay)
    {
        ArgumentNullException.ThrowIfNull(header);
        relay = null;
        try
        {
            return ParseCore(header, out relay);
        }
        catch (RegexMatchTimeoutException)
        {
            return ReceivedParseKind.Unparseable;
        }
    }

    private static ReceivedParseKind ParseCore(string header, out ReceivedRelay? relay)
    {
        relay = null;
        var text = Normalize(header);
        if (ReadOriginatingIpLine(text, header, out relay))
        {
            return ReceivedParseKind.Relay;
        }

        if (!(text.StartsWith("from ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("(from ", StringComparison.OrdinalIgnoreCase)) ||
            text.Contains("with local for", StringComparison.Ordinal))
        {
            return ReceivedParseKind.Ignored; // qmail "(qmail 123 invoked by uid 89)", "by host (Postfix, from userid 0)", Exim local
        }

        var bare = FromByWithoutDetail().Match(text);
        if (bare.Success && !BracketedIPv4().IsMatch(bare.Groups[1].Value))
        {
            return ReceivedParseKind.Ignored; // "from host by host ;": no connection details at all
        }

        text = WithoutTrailingDate(text).Replace(")by ", ") by ", StringComparison.Ordinal);
        var fields = new RelayFields { Auth = FindAuth(text) };
        var helo = HeloEquals().Match(text);
        if (!helo.Success)
        {
            helo = HeloWord().Match(text);
        }

        if (helo.Success)
        {
            fields.Helo = helo.Groups[1].Value;
        }

        var by = ByHost().Match(text);
        if (by.Success)
        {
            fields.By = by.Groups[1].Value;
        }

        var kind = ReadFormats(text, fields);
        if (kind != ReceivedParseKind.Relay)
        {
            return kind;
        }

        var address = fields.Ip is { Length: > 0 } ip && TryParseAddress(ip, out var parsed) ? parsed : null;
        relay = new ReceivedRelay(address, NullIfEmpty(fields.Helo), CleanReverseDns(fields.Rdns), fields.By.TrimEnd(';'), fields.Auth, header);
        return ReceivedParseKind.Relay;
    }

    // Reads the format-specific part; falls back to any bracketed address plus a "by" host, else the header is unreadable.
    private static ReceivedParseKind ReadFormats(string text, RelayFields fields)
    {
        var kind = ReceivedParseKind.Unparseable;
        if (text.StartsWith("from ", StringComparison.Ordinal))
        {
            kind = ReadFromClause(text[5..], fields);
        }
        else if (text.StartsWith("FROM ", StringComparison.Ordinal))
        {
            kind = Apply(text[5..], fields, SimtaRules);
        }
        else if (text.StartsWith("(from ", StringComparison.Ordinal))
        {
            kind = Apply(text[6..], fields, ParenthesisedFromRules);
        }

        if (kind != ReceivedParseKind.Unparseable)
        {
            return kind;
        }

        if (string.IsNullOrEmpty(fields.Ip) && AnyBracketedIp().Match(text) is { Success: true } any)
        {
            fields.Ip = any.Groups[1].Value;
        }

        return !string.IsNullOrEmpty(fields.Ip) && fields.By.Length > 0 ? ReceivedParseKind.Relay : ReceivedParseKind.Unparseable;
    }

    /// <summary>
    /// The synthetic "from X-Originating-IP: ip" line the relay chain builds, read directly. For a from clause of one
    /// word without parentheses or brackets, every rule before <see cref="OriginatingIp"/> in the tables fails (each needs
    /// a "(", a "[", a second word or a "by"), and so do the HELO, "by" and auth readers; so when that rule matches, the
    /// full cascade would return just this relay.
    /// </summary>
    private static bool ReadOriginatingIpLine(string text, string header, out ReceivedRelay? relay)
    {
        relay = null;
        const string Prefix = "from X-Originating-IP: ";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.AsSpan(Prefix.Length).ContainsAny(" ([") ||
            !OriginatingIp().IsMatch(text.AsSpan(5)))
        {
            return false;
        }

        var address = TryParseAddress(text[Prefix.Length..], out var parsed) ? parsed : null;
        relay = new ReceivedRelay(address, null, null, "", null, header);
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"^\[[\d.]+\]$")]
    private static partial Regex BracketedIPv4();

    [GeneratedRegex(@"\[(" + Ip + @")\]")]
    private static partial Regex AnyBracketedIp();

    /// <summary>What the rules found so far; later rules overwrite, as in SpamAssassin's parser.</summary>
    private sealed class RelayFields
    {
        public string? Ip { get; set; }

        public string? Helo { get; set; }

        public string? Rdns { get; set; }

        public string By { get; set; } = "";

        public string? Auth { get; set; }
    }
}
