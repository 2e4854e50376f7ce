using System.Globalization;
using System.Net;

namespace Dnsbl.Client.Dns;

/// <summary>
/// The parts of resolv.conf(5) a stub resolver needs: <c>nameserver</c> lines (first three), and <c>options timeout:n
/// attempts:n rotate</c>, then the <c>RES_OPTIONS</c> environment variable's options over them. Comments start with
/// <c>#</c> or <c>;</c>, at the start of a line or after a value. <c>edns0</c> is accepted and needs nothing: queries
/// always carry EDNS0 and are asked again without it when a server rejects it. Without a usable nameserver, or without
/// a readable file, <see cref="DnsStubResolverConstants.FallbackNameserver"/> (127.0.0.1:53) is used, as the C library does.
/// </summary>
internal sealed record ResolvConf(IReadOnlyList<IPEndPoint> Nameservers, TimeSpan? Timeout, int? Attempts, bool UsedFallback)
{
    /// <summary>resolv.conf's <c>options rotate</c>: start each lookup at the next nameserver in turn.</summary>
    public bool Rotate { get; init; }

    /// <summary>Why the file could not be read, when it could not (the fallback is then used); null otherwise.</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// Reads the file at <paramref name="path"/>; a missing or unreadable file gives the fallback nameserver (and
    /// <see cref="Problem"/>), never an exception. <paramref name="resOptions"/> (default: the <c>RES_OPTIONS</c>
    /// environment variable) overrides the file's options.
    /// </summary>
    public static ResolvConf Load(string path = DnsStubResolverConstants.DefaultResolvConfPath, string? resOptions = null)
    {
        resOptions ??= Environment.GetEnvironmentVariable("RES_OPTIONS");
        try
        {
            return Parse(File.ReadAllText(path), resOptions);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var fallback = Parse(string.Empty, resOptions);
            return exception is FileNotFoundException or DirectoryNotFoundException
                ? fallback
                : fallback with { Problem = $"{path} cannot be read: {exception.Message}" };
        }
    }

    /// <summary>Parses resolv.conf text; unknown keywords and unusable lines are ignored, as the C library does.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="resOptions">RES_OPTIONS: options read after the file's, so they win.</param>
    public static ResolvConf Parse(string text, string? resOptions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nameservers = new List<IPEndPoint>();
        var options = new Options();
        foreach (string rawLine in text.Split('\n'))
        {
            // A comment may follow a value ("nameserver 127.0.0.53 # systemd-resolved"); neither character is part of a value.
            int comment = rawLine.AsSpan().IndexOfAny('#', ';');
            string[] words = (comment < 0 ? rawLine : rawLine[..comment]).Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
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
                options.Read(words.AsSpan(1));
            }
        }

        if (resOptions is not null)
        {
            options.Read(resOptions.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }

        bool fallback = nameservers.Count == 0;
        return new ResolvConf(fallback ? [DnsStubResolverConstants.FallbackNameserver] : nameservers, options.Timeout, options.Attempts, fallback)
        {
            Rotate = options.Rotate,
        };
    }

    // resolv.conf has no port syntax: "nameserver 192.0.2.1:53" is not valid there.
    private static bool IsPlainAddress(string word) => !word.StartsWith('[') && (word.Count(c => c == ':') != 1);

    private sealed class Options
    {
        public TimeSpan? Timeout { get; private set; }

        public int? Attempts { get; private set; }

        public bool Rotate { get; private set; }

        public void Read(ReadOnlySpan<string> options)
        {
            foreach (string option in options)
            {
                if (TryReadOption(option, "timeout:", DnsStubResolverConstants.MaxResolvConfTimeoutSeconds, out int seconds))
                {
                    Timeout = TimeSpan.FromSeconds(seconds);
                }
                else if (TryReadOption(option, "attempts:", DnsStubResolverConstants.MaxResolvConfAttempts, out int count))
                {
                    Attempts = count;
                }
                else if (option == "rotate")
                {
                    Rotate = true;
                }
            }
        }
    }

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
