using System.Globalization;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org/list/): finds the registered domain of a host name, the name a
/// registrant controls (<c>www.example.co.uk</c> → <c>example.co.uk</c>). Supports wildcard and exception rules and the
/// ICANN-only view. Immutable once loaded; safe to share between threads.
/// </summary>
public sealed partial class PublicSuffixList
{
    private const string ResourceName = "Dnsbl.Client.Messages.public_suffix_list.dat";

    private static readonly Lazy<PublicSuffixList> EmbeddedList = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, PublicSuffixRule> rules;
    private readonly Dictionary<string, PublicSuffixRule>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private PublicSuffixList(Dictionary<string, PublicSuffixRule> rules)
    {
        this.rules = rules;
        lookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The list shipped inside the library (a copy of the Debian <c>publicsuffix</c> package's data), loaded once on first use.</summary>
    public static PublicSuffixList Embedded => EmbeddedList.Value;

    /// <summary>The number of distinct rule names loaded (a wildcard, an exception and a plain rule on one name count once).</summary>
    public int RuleCount => rules.Count;

    /// <summary>
    /// The registered domain of <paramref name="host"/> (the public suffix plus one label), in lower-case punycode; null
    /// when the host is itself a public suffix, is empty or is not a valid name.
    /// </summary>
    /// <param name="host">A host name, Unicode or punycode, any case, with or without a trailing dot.</param>
    /// <param name="icannOnly">Whether only the ICANN section counts (private suffixes such as <c>github.io</c> are ignored).</param>
    /// <returns>The registered domain, or null.</returns>
    public string? GetRegisteredDomain(string host, bool icannOnly = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = ToAscii(host);
        if (name is null)
        {
            return null;
        }

        var labelStarts = LabelStarts(name);
        var suffixLabels = PublicSuffixLabelCount(name, labelStarts, icannOnly);
        if (labelStarts.Count <= suffixLabels)
        {
            return null;
        }

        return name[labelStarts[labelStarts.Count - suffixLabels - 1]..];
    }

    /// <summary>The public suffix of <paramref name="host"/> (e.g. <c>co.uk</c>), or null when the host is not a valid name.</summary>
    /// <param name="host">A host name, Unicode or punycode, any case, with or without a trailing dot.</param>
    /// <param name="icannOnly">Whether only the ICANN section counts.</param>
    /// <returns>The suffix in lower-case punycode.</returns>
    public string? GetPublicSuffix(string host, bool icannOnly = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = ToAscii(host);
        if (name is null)
        {
            return null;
        }

        var labelStarts = LabelStarts(name);
        var suffixLabels = Math.Min(PublicSuffixLabelCount(name, labelStarts, icannOnly), labelStarts.Count);
        return name[labelStarts[labelStarts.Count - suffixLabels]..];
    }

    /// <summary>Whether <paramref name="asciiName"/> (lower-case punycode) is itself named by a rule of either section.</summary>
    internal bool IsRule(ReadOnlySpan<char> asciiName) => lookup.ContainsKey(asciiName);

    // The PSL algorithm: an exception rule prevails (its suffix is the rule minus its leftmost label); otherwise the
    // matching rule with the most labels; otherwise the implicit "*" rule (one label).
    private int PublicSuffixLabelCount(string name, List<int> labelStarts, bool icannOnly)
    {
        var exception = icannOnly ? PublicSuffixRule.ExceptionIcann : PublicSuffixRule.ExceptionIcann | PublicSuffixRule.ExceptionPrivate;
        var normal = icannOnly ? PublicSuffixRule.Icann : PublicSuffixRule.Icann | PublicSuffixRule.Private;
        var wildcard = icannOnly ? PublicSuffixRule.WildcardIcann : PublicSuffixRule.WildcardIcann | PublicSuffixRule.WildcardPrivate;
        var count = labelStarts.Count;
        for (var labels = count; labels >= 1; labels--)
        {
            if ((Rule(name, labelStarts[count - labels]) & exception) != 0)
            {
                return labels - 1;
            }
        }

        for (var labels = count; labels >= 1; labels--)
        {
            if ((Rule(name, labelStarts[count - labels]) & normal) != 0 ||
                (labels >= 2 && (Rule(name, labelStarts[count - labels + 1]) & wildcard) != 0))
            {
                return labels;
            }
        }

        return 1;
    }

    private PublicSuffixRule Rule(string name, int start) =>
        lookup.TryGetValue(name.AsSpan(start), out var rule) ? rule : PublicSuffixRule.None;

    private static List<int> LabelStarts(string name)
    {
        var starts = new List<int>(6) { 0 };
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '.')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>Lower-case punycode without trailing dot, or null when <paramref name="host"/> is no valid name.</summary>
    internal static string? ToAscii(string host)
    {
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.Contains("..", StringComparison.Ordinal) || trimmed.StartsWith('.'))
        {
            return null;
        }

        if (!trimmed.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
        {
            return trimmed.ToLowerInvariant();
        }

        try
        {
            return Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly IdnMapping Idn = new() { AllowUnassigned = true, UseStd3AsciiRules = false };
}
