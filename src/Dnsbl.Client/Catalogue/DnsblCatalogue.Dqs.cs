using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Catalogue;

public static partial class DnsblCatalogue
{
    /// <summary>The DQS host each Spamhaus catalogue list is served under (<c>&lt;key&gt;.&lt;label&gt;.dq.spamhaus.net</c>).</summary>
    private static readonly Dictionary<string, string> DqsLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spamhaus-zen"] = "zen",
        ["spamhaus-sbl"] = "sbl",
        ["spamhaus-xbl"] = "xbl",
        ["spamhaus-pbl"] = "pbl",
        ["spamhaus-dbl"] = "dbl",
        ["spamhaus-zrd"] = "zrd",
    };

    /// <summary>
    /// A Spamhaus list through Data Query Service (DQS) with a personal key: zone <c>&lt;key&gt;.zen.dq.spamhaus.net</c> etc.
    /// The list's <see cref="DnsList.Name"/> (used in results, logs and health reports) is <c>zen.dq.spamhaus.net</c>,
    /// without the key; rules, error codes and probe points are those of the public list.
    /// </summary>
    /// <param name="key">The DQS key: letters and digits only, as issued by Spamhaus.</param>
    /// <param name="listName">
    /// <c>spamhaus-zen</c>, <c>spamhaus-sbl</c>, <c>spamhaus-xbl</c>, <c>spamhaus-pbl</c>, <c>spamhaus-dbl</c> or <c>spamhaus-zrd</c>.
    /// </param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentException">The key is not letters and digits (the message does not repeat the key), or the list has no DQS form.</exception>
    public static DnsList SpamhausDqs(string key, string listName)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(listName);
        if (key.Length is 0 or > 63 || !key.All(char.IsAsciiLetterOrDigit))
        {
            // Never echo the key: exception messages end up in logs.
            throw new ArgumentException(
                $"A DQS key is 1 to 63 ASCII letters and digits; the given key ({key.Length} characters) is not.", nameof(key));
        }

        if (!DqsLabels.TryGetValue(listName.Trim(), out var label))
        {
            throw new ArgumentException(
                $"\"{listName}\" has no DQS form; use one of {string.Join(", ", DqsLabels.Keys)}.", nameof(listName));
        }

        var host = $"{label}.dq.spamhaus.net";
        return Named(listName.Trim()).List with { Zone = $"{key.ToLowerInvariant()}.{host}", Name = host };
    }
}
