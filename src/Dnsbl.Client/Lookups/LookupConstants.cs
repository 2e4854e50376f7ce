namespace Dnsbl.Client.Lookups;

/// <summary>Defaults of a check, quoted by <see cref="DnsblOptions"/>.</summary>
internal static class LookupConstants
{
    /// <summary>How long a check waits for its lists before it reports the missing ones.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
}
