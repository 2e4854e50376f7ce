using System.Globalization;
using System.Net;

namespace Dnsbl.Client.Dns;

/// <summary>
/// The parts of resolv.conf(5) a stub resolver needs: <c>nameserver</c> lines (first three), and <c>options timeout:n
/// attempts:n</c>. Comments start with <c>#</c> or <c>;</c>. Without a usable nameserver, or without the file,
/// <see cref="DnsStubResolverConstants.FallbackNameserver"/> (127.0.0.1:53) is used, as the C library does.
/// </summary>
internal sealed record ResolvConf(IReadOnlyList<IPEndPoint> Nameservers, TimeSpan? Timeout, int? Attempts, bool UsedFallback)
{
    /// <summary>Reads the file at <paramref name="path"/>; a missing file gives the fallback nameserver.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public static ResolvConf Load(string path = DnsStubResolverConstants.DefaultResolvConfPath)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ResolvConf([DnsStubResolverConstants.FallbackNameserver], null, null, UsedFallback: true);
        }
    }

    /// <summary>Parses resolv.conf text; unknown keywords and unusable lines are ignored, as the C library does.</summary>
    public static ResolvConf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nameservers = new List<IPEndPoint>();
        TimeSpan? timeout = null;
        int? attempts = null;
        foreach (string rawLine in text.Split('\n'))
        {
            string[] words = rawLine.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[0][0] is '#' or ';')
            {
                continue;
            }

            if (words[0] == "nameserver" && nameservers.Count < DnsStubResolverConstants.MaxResolvConfNameservers
                && IsPlainAddress(words[1]) && NameserverEndPoint.TryParse(words[1], out var server, out _))
            {
                nameservers.Add(server!);
            }
            else if (words[0] == "options")
            {
                foreach (string option in words.Skip(1))
                {
                    if (TryReadOption(option, "timeout:", DnsStubResolverConstants.MaxResolvConfTimeoutSeconds, out int seconds))
                    {
                        timeout = TimeSpan.FromSeconds(seconds);
                    }
                    else if (TryReadOption(option, "attempts:", DnsStubResolverConstants.MaxResolvConfAttempts, out int count))
                    {
                        attempts = count;
                    }
                }
            }
        }

        bool fallback = nameservers.Count == 0;
        return new ResolvConf(fallback ? [DnsStubResolverConstants.FallbackNameserver] : nameservers, timeout, attempts, fallback);
    }

    // resolv.conf has no port syntax: "nameserver 192.0.2.1:53" is not valid there.
    private static bool IsPlainAddress(string word) => !word.StartsWith('[') && (word.Count(c => c == ':') != 1);

    private static bool TryReadOption(string option, string prefix, int cap, out int value)
    {
        value = 0;
        if (!option.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(option.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value)
            || value < 1)
        {
            return false;
        }

        value = Math.Min(value, cap);
        return true;
    }
}
