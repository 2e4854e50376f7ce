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

    // The rules plus every name that ends a longer rule (Tail): walking a host's suffixes from its top-level label, the
    // first suffix missing here means no longer suffix can be a rule, so most hosts take two lookups, not two per label.
    private readonly Dictionary<string, PublicSuffixRule>.AlternateLookup<ReadOnlySpan<char>> walk;

    // The last label of every rule: the top-level domains the list knows, including those it names only below their top
    // (za has org.za and co.za but no rule of its own).
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> topLevelDomains;

    private PublicSuffixList(Dictionary<string, PublicSuffixRule> rules)
    {
        this.rules = rules;
        lookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        walk = WithTails(rules).GetAlternateLookup<ReadOnlySpan<char>>();
        topLevelDomains = rules.Keys.Select(name => name[(name.LastIndexOf('.') + 1)..]).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
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

        var start = RegisteredDomainStart(name, icannOnly);
        return start < 0 ? null : name[start..];
    }

    /// <summary>
    /// Where the registered domain of <paramref name="asciiName"/> (lower-case punycode, as <see cref="ToAscii"/> makes)
    /// starts, or -1 when the name is itself a public suffix: <see cref="GetRegisteredDomain"/> without a string.
    /// </summary>
    internal int RegisteredDomainStart(ReadOnlySpan<char> asciiName, bool icannOnly)
    {
        Span<int> labelStarts = asciiName.Length < MaxStackLabels ? stackalloc int[asciiName.Length + 1] : new int[asciiName.Length + 1];
        var count = LabelStarts(asciiName, labelStarts);
        var suffixLabels = PublicSuffixLabelCount(asciiName, labelStarts[..count], icannOnly);
        return count <= suffixLabels ? -1 : labelStarts[count - suffixLabels - 1];
    }

    // A name has at most one label per two chars; names up to this length keep their label starts on the stack.
    private const int MaxStackLabels = 256;

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

        Span<int> labelStarts = name.Length < MaxStackLabels ? stackalloc int[name.Length + 1] : new int[name.Length + 1];
        var count = LabelStarts(name, labelStarts);
        var suffixLabels = Math.Min(PublicSuffixLabelCount(name, labelStarts[..count], icannOnly), count);
        return name[labelStarts[count - suffixLabels]..];
    }

    /// <summary>Whether <paramref name="asciiName"/> (lower-case punycode) is itself named by a rule of either section.</summary>
    internal bool IsRule(ReadOnlySpan<char> asciiName) => lookup.ContainsKey(asciiName);

    /// <summary>Whether <paramref name="asciiLabel"/> (lower-case punycode) is the last label of some rule: a top-level domain.</summary>
    internal bool IsTopLevelDomain(ReadOnlySpan<char> asciiLabel) => topLevelDomains.Contains(asciiLabel);

    /// <summary>The rule kinds named exactly <paramref name="asciiName"/> (None when there is no rule): for the tests' oracle of the algorithm.</summary>
    internal PublicSuffixRule RuleOf(ReadOnlySpan<char> asciiName) => lookup.TryGetValue(asciiName, out var rule) ? rule : PublicSuffixRule.None;

    /// <summary>Every rule's name (lower-case punycode, without "*." or "!").</summary>
    internal IEnumerable<string> RuleNames => rules.Keys;

    // The index of each label's first char; starts has room for name.Length + 1 entries.
    private static int LabelStarts(ReadOnlySpan<char> name, Span<int> starts)
    {
        var count = 0;
        starts[count++] = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '.')
            {
                starts[count++] = i + 1;
            }
        }

        return count;
    }

    /// <summary>Lower-case punycode without trailing dot, or null when <paramref name="host"/> is no valid name.</summary>
    internal static string? ToAscii(string host)
    {
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.Contains("..", StringComparison.Ordinal) || trimmed.StartsWith('.'))
        {
            return null;
        }

        if (System.Text.Ascii.IsValid(trimmed))
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
