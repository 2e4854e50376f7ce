using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// One input of <c>dnsbl check</c>, classified before any lookup: an IP address, a domain, or a problem that says why it
/// cannot be judged. <see cref="Where"/> names its place (<c>FILE:LINE</c>) when it came from <c>-f</c>.
/// </summary>
/// <remarks>
/// Only a strict dotted quad is an IPv4 address: <see cref="IPAddress.TryParse(string, out IPAddress)"/> also reads
/// <c>1.2.3</c> as 1.2.0.3 and <c>300.1.2.3</c> fails it, after which the text would be read as a domain name that no
/// IP list is asked about — a typo must not come back as "accept".
/// </remarks>
// The place is kept as its parts and put together when shown: a 100,000-line file's inputs live for the whole run,
// and a "FILE:LINE" string each was a third of their memory.
internal sealed record CheckInput(string Text, string? Source, int Line, IPAddress? Address, string? Problem)
{
    private const int Ipv4Octets = 4;
    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");

    public bool IsAddress => Address is not null;

    /// <summary>Where the input came from: <c>FILE:LINE</c> (<c>stdin:LINE</c>), or null for a command-line argument.</summary>
    public string? Where => Source is null ? null : string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}");

    /// <summary>The input as shown in messages: <c>FILE:LINE: 'text'</c>, or <c>'text'</c>.</summary>
    public string Label => Where is null ? $"'{Text}'" : $"{Where}: '{Text}'";

    /// <summary>Classifies <paramref name="text"/>; <paramref name="source"/> and <paramref name="line"/> name its place in a file.</summary>
    public static CheckInput Parse(string text, string? source = null, int line = 0)
    {
        if (text.Length == 0 || text.AsSpan().ContainsAny(" \t"))
        {
            return new CheckInput(text, source, line, null, "neither an IP address nor a domain (one input per line, no spaces)");
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? new CheckInput(text, source, line, v6, null)
                : new CheckInput(text, source, line, null, "not an IPv6 address (and a domain holds no ':')");
        }

        if (!text.AsSpan().ContainsAnyExcept(DigitsAndDots))
        {
            return Ipv4ProblemOf(text) is { } problem
                ? new CheckInput(text, source, line, null, $"looks like an IPv4 address but is not one: {problem}")
                : new CheckInput(text, source, line, IPAddress.Parse(text), null);
        }

        return text.Contains('.', StringComparison.Ordinal)
            ? new CheckInput(text, source, line, null, null)
            : new CheckInput(text, source, line, null, "neither an IP address nor a domain (a domain holds at least one dot)");
    }

    /// <summary>Why no configured list can judge this input (an address with only domain lists, a domain with only IP lists), or null.</summary>
    public string? UnjudgedBy(IReadOnlyCollection<DnsList> lists) => UnjudgedBy(lists.Any(l => l.IsIpList), lists.Any(l => !l.IsIpList));

    /// <summary>As <see cref="UnjudgedBy(IReadOnlyCollection{DnsList})"/>, given whether any IP list and any domain or URI list is configured.</summary>
    public string? UnjudgedBy(bool anyIpList, bool anyDomainList)
    {
        if (IsAddress)
        {
            return anyIpList
                ? null
                : "an IP address, but no ip: list is configured (add --list ZONE or a catalogue IP list such as spamhaus-zen)";
        }

        return anyDomainList
            ? null
            : "a domain, but no domain: or uri: list is configured (add --list domain:ZONE or a catalogue domain list such as spamhaus-dbl)";
    }

    // Read over the text's own characters: splitting it cost an array and four strings per input line.
    private static string? Ipv4ProblemOf(string text)
    {
        var parts = text.AsSpan().Count('.') + 1;
        if (parts != Ipv4Octets)
        {
            return $"{parts} parts where an IPv4 address has 4";
        }

        foreach (var range in text.AsSpan().Split('.'))
        {
            var part = text.AsSpan(range);
            if (part.Length == 0)
            {
                return "an empty part";
            }

            if (part.Length > 1 && part[0] == '0')
            {
                return $"'{part}' has a leading zero (some tools read it as octal)";
            }

            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > byte.MaxValue)
            {
                return $"{part} is above 255";
            }
        }

        return null;
    }
}
