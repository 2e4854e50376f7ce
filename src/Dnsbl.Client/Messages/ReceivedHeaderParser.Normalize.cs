using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// Cleaning a header before the format rules run, and turning the captured address text into an address.
internal static partial class ReceivedHeaderParser
{
    // An IPv4 address or an IPv6 address (optionally "IPv6:"-prefixed, optionally ending in an IPv4 address), not glued
    // to other address characters. Interpolated into every format rule; the captured text is validated afterwards.
    private const string Ip =
        @"(?:(?<![0-9A-Za-z.:])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![0-9])" +
        @"|(?:IPv6:|(?<![0-9A-Fa-f:]))(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Fa-f:]))";

    // The ways of saying "this host" in a Received header (SpamAssassin's LOCALHOST).
    private const string LocalHost = @"(?:localhost(?:\.localdomain)?|(?<![:\d.])127\.0\.0\.1\b|(?:IPv6:)?(?:0{1,4}:){7}0{0,3}1|(?:IPv6:)?::1\b|(?:IPv6:)?::ffff:127\.0\.0\.1)";

    /// <summary>Unfolds and collapses white space, and drops trailing semicolons, as the format rules expect.</summary>
    /// <remarks>
    /// Collapsing, trimming and the trailing semicolons in one pass over a per-thread buffer, and one string at the end (the
    /// header itself when nothing changed): as <c>CollapseWhiteSpace(header).Trim()</c>, then "drop a ';' and the spaces
    /// before it" for as long as the text ends in ';'. After collapsing, white space is ' ' only, so that is trimming
    /// ' ' at both ends and then every ';' and ' ' at the end.
    /// </remarks>
    /// <returns>
    /// The normalised text in a per-thread buffer, valid until the next call on this thread: the caller makes its one
    /// string from it (after cutting the trailing date), so the whole normalised header is never a string of its own.
    /// </returns>
    private static ReadOnlySpan<char> Normalize(string header)
    {
        var source = header.Length > MaxParsedLength ? header.AsSpan(0, MaxParsedLength) : header.AsSpan();
        var buffer = normalizeBuffer ??= new char[MaxParsedLength];
        return ((ReadOnlySpan<char>)buffer.AsSpan(0, Collapse(source, buffer))).Trim(' ').TrimEnd("; ");
    }

    // The header itself when the text is the same, else a new string.
    private static string TextOf(ReadOnlySpan<char> text, string header) => text.SequenceEqual(header) ? header : text.ToString();

    // The collapsing buffer, one per thread (a stack buffer would be cleared on every call; the parser never re-enters).
    [ThreadStatic]
    private static char[]? normalizeBuffer;

    /// <summary>Each run of white space (<c>\s+</c>) as one space; the same instance when there is nothing to change.</summary>
    internal static string CollapseWhiteSpace(string text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var collapsed = buffer.AsSpan(0, Collapse(text, buffer));
            return collapsed.SequenceEqual(text) ? text : collapsed.ToString();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Parses the address a format rule captured: "1.2.3.4", "[1.2.3.4]", "IPv6:2001:db8::1", "fe80::1%eth0",
    /// "::ffff:1.2.3.4" (read as the IPv4 address it carries).
    /// </summary>
    internal static bool TryParseAddress(string text, out IPAddress address) => TryParseAddress(text.AsSpan(), out address);

    /// <inheritdoc cref="TryParseAddress(string, out IPAddress)"/>
    internal static bool TryParseAddress(ReadOnlySpan<char> text, out IPAddress address)
    {
        var value = text.Trim().TrimStart('[').TrimEnd(']');
        if (value.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[5..];
        }

        var zone = value.IndexOf('%');
        if (zone > 0)
        {
            value = value[..zone];
        }

        // Only dotted-quad IPv4 or IPv6: IPAddress.TryParse also accepts "1" or "1.2", which are not address literals.
        if (IPAddress.TryParse(value, out var parsed) &&
            (parsed.AddressFamily == AddressFamily.InterNetworkV6 ? value.Contains(':') : value.Count('.') == 3))
        {
            address = AddressClassifier.Canonical(parsed);
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    // "host." and "unknown" and "[1.2.3.4]" are not reverse names (SpamAssassin clears them the same way).
    private static string? CleanReverseDns(string? rdns)
    {
        var name = rdns?.TrimEnd('.');
        return string.IsNullOrEmpty(name) || name.StartsWith('[') || string.Equals(name, "unknown", StringComparison.OrdinalIgnoreCase) ? null : name;
    }


    [GeneratedRegex(@"\bhelo=([-A-Za-z0-9.^+_&:=?!@%*$\\/]+)(?:[^-A-Za-z0-9.^+_&:=?!@%*$\\/]|$)")]
    private static partial Regex HeloEquals();

    [GeneratedRegex(@"\b(?:HELO|EHLO) ([-A-Za-z0-9.^+_&:=?!@%*$\\/]+)(?:[^-A-Za-z0-9.^+_&:=?!@%*$\\/]|$)")]
    private static partial Regex HeloWord();

    [GeneratedRegex(@" by (\S+)(?:[^-A-Za-z0-9;.]|$)")]
    private static partial Regex ByHost();

    [GeneratedRegex(@"^from (\S+) by [^\s;]+ ?;", RegexOptions.IgnoreCase)]
    private static partial Regex FromByWithoutDetail();
}
