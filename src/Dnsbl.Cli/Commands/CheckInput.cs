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
internal sealed record CheckInput(string Text, string? Where, IPAddress? Address, string? Problem)
{
    private const int Ipv4Octets = 4;
    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");

    public bool IsAddress => Address is not null;

    /// <summary>The input as shown in messages: <c>FILE:LINE: 'text'</c>, or <c>'text'</c>.</summary>
    public string Label => Where is null ? $"'{Text}'" : $"{Where}: '{Text}'";

    public static CheckInput Parse(string text, string? where = null)
    {
        if (text.Length == 0 || text.AsSpan().ContainsAny(" \t"))
        {
            return new CheckInput(text, where, null, "neither an IP address nor a domain (one input per line, no spaces)");
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? new CheckInput(text, where, v6, null)
                : new CheckInput(text, where, null, "not an IPv6 address (and a domain holds no ':')");
        }

        if (!text.AsSpan().ContainsAnyExcept(DigitsAndDots))
        {
            return Ipv4ProblemOf(text) is { } problem
                ? new CheckInput(text, where, null, $"looks like an IPv4 address but is not one: {problem}")
                : new CheckInput(text, where, IPAddress.Parse(text), null);
        }

        return text.Contains('.', StringComparison.Ordinal)
            ? new CheckInput(text, where, null, null)
            : new CheckInput(text, where, null, "neither an IP address nor a domain (a domain holds at least one dot)");
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

    private static string? Ipv4ProblemOf(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != Ipv4Octets)
        {
            return $"{parts.Length} parts where an IPv4 address has 4";
        }

        foreach (var part in parts)
        {
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
