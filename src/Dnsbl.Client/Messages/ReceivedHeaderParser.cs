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
    public static ReceivedParseKind Parse(string header, out ReceivedRelay? relay) => Parse(header, allowCommonShapes: true, out relay, out _);

    /// <summary>Parses as <see cref="Parse(string, out ReceivedRelay?)"/> does, but with the format rules alone (for the tests that compare).</summary>
    internal static ReceivedParseKind ParseWithRulesOnly(string header, out ReceivedRelay? relay) => Parse(header, allowCommonShapes: false, out relay, out _);

    /// <summary>Whether the hand-written reader of common shapes reads <paramref name="header"/> (it declines when unsure).</summary>
    internal static bool ReadsAsCommonShape(string header)
    {
        Parse(header, allowCommonShapes: true, out _, out var common);
        return common;
    }

    private static ReceivedParseKind Parse(string header, bool allowCommonShapes, out ReceivedRelay? relay, out bool common)
    {
        ArgumentNullException.ThrowIfNull(header);
        relay = null;
        common = false;
        try
        {
            return ParseCore(header, allowCommonShapes, out relay, out common);
        }
        catch (RegexMatchTimeoutException)
        {
            return ReceivedParseKind.Unparseable;
        }
    }

    private static ReceivedParseKind ParseCore(string header, bool allowCommonShapes, out ReceivedRelay? relay, out bool common)
    {
        relay = null;
        common = false;
        // The normalised text stays in the parser's buffer until its date is cut: one string per header, not two.
        var normalized = Normalize(header);
        if (normalized.StartsWith(OriginatingIpPrefix, StringComparison.Ordinal) && ReadOriginatingIpLine(TextOf(normalized, header), header, out relay))
        {
            return ReceivedParseKind.Relay;
        }

        if (!(normalized.StartsWith("from ", StringComparison.OrdinalIgnoreCase) || normalized.StartsWith("(from ", StringComparison.OrdinalIgnoreCase)) ||
            normalized.Contains("with local for", StringComparison.Ordinal))
        {
            return ReceivedParseKind.Ignored; // qmail "(qmail 123 invoked by uid 89)", "by host (Postfix, from userid 0)", Exim local
        }

        if (SecondWordIsBy(normalized) && FromByWithoutDetail().Match(TextOf(normalized, header)) is { Success: true } bare &&
            !BracketedIPv4().IsMatch(bare.Groups[1].Value))
        {
            return ReceivedParseKind.Ignored; // "from host by host ;": no connection details at all
        }

        var dated = normalized[..TrailingDateStart(normalized)];
        // A glued ")by " is mended in a string of its own; otherwise a common shape is read from the parser's buffer, and the
        // text becomes a string only for the rules.
        var mended = dated.Contains(")by ", StringComparison.Ordinal) ? TextOf(dated, header).Replace(")by ", ") by ", StringComparison.Ordinal) : null;
        var shapeText = mended is null ? dated : mended.AsSpan();
        if (allowCommonShapes && TryReadCommonShape(shapeText, out var shape))
        {
            // The captures the rules would make (the HELO and "by" found below are overwritten by every shape's rule).
            common = true;
            var client = TryParseAddress(shapeText.Slice(shape.IpStart, shape.IpLength), out var clientAddress) ? clientAddress : null;
            var shapeAuth = mended is null ? FindAuth(dated, header) : FindAuth(mended);
            relay = new ReceivedRelay(client, shape.Helo, CleanReverseDns(shape.Rdns), shape.By, shapeAuth, header);
            return ReceivedParseKind.Relay;
        }

        var text = mended ?? TextOf(dated, header);
        var auth = FindAuth(text);
        var fields = new RelayFields { Auth = auth };
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
}
