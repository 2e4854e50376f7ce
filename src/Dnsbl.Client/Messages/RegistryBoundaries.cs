using System.Collections.Frozen;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The registered domain of a host as SpamAssassin cuts it for its URI and domain lists (<c>split_domain</c> in
/// <c>Mail/SpamAssassin/RegistryBoundaries.pm</c>), from its shipped two- and three-label suffix sets
/// (<c>util_rb_2tld</c>, <c>util_rb_3tld</c>, embedded as <c>util_rb_2tld.txt</c>/<c>util_rb_3tld.txt</c>) and the
/// <c>.us</c> locality rules of RFC 1480. These are the suffixes SURBL and URIBL publish for their own keys, so they
/// differ from the Public Suffix List's private section both ways: <c>x.blogspot.com</c> keeps its label (a shipped
/// two-label suffix), while a host under a dynamic-DNS or storage name the lists do not know (<c>sells-it.net</c>,
/// <c>r2.dev</c>) is cut to that name.
/// </summary>
internal sealed class RegistryBoundaries
{
    // SpamAssassin's %US_STATES: the state labels of RFC 1480 names (city.ca.us, school.pvt.k12.ca.us).
    private static readonly FrozenSet<string> UsStates = FrozenSet.Create(StringComparer.Ordinal,
        "ak", "al", "ar", "az", "ca", "co", "ct", "dc", "de", "fl", "ga", "gu", "hi", "ia", "id", "il", "in", "ks", "ky", "la", "ma",
        "md", "me", "mi", "mn", "mo", "ms", "mt", "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr", "ri",
        "sc", "sd", "tn", "tx", "ut", "va", "vi", "vt", "wa", "wi", "wv", "wy");

    private readonly FrozenSet<string> twoLabel;
    private readonly FrozenSet<string> threeLabel;

    private RegistryBoundaries(IEnumerable<string> twoLabelSuffixes, IEnumerable<string> threeLabelSuffixes)
    {
        twoLabel = twoLabelSuffixes.ToFrozenSet(StringComparer.Ordinal);
        threeLabel = threeLabelSuffixes.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>SpamAssassin 4.0.1's shipped sets, read once from the assembly.</summary>
    public static RegistryBoundaries Embedded { get; } = new(MessageConstants.ReadResourceLines("util_rb_2tld.txt"), MessageConstants.ReadResourceLines("util_rb_3tld.txt"));

    /// <summary>
    /// The registered domain of <paramref name="asciiName"/> (lower-case ASCII, no trailing dot): the first suffix from
    /// the left that is a shipped two- or three-label suffix (or an RFC 1480 <c>.us</c> locality), with one label more;
    /// else the last two labels. A name that is itself such a suffix is returned whole, as SpamAssassin returns it;
    /// null for a single label.
    /// </summary>
    public string? RegisteredDomain(string asciiName)
    {
        ArgumentNullException.ThrowIfNull(asciiName);
        var labels = asciiName.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return null;
        }

        var first = 0;
        while (labels.Length - first > 1 && !IsBoundary(labels, first))
        {
            first++;
        }

        return string.Join('.', labels, Math.Max(0, first - 1), labels.Length - Math.Max(0, first - 1));
    }

    // Whether labels[first..] is a suffix SpamAssassin stops at (its split_domain loop, for 2, 3 and 4 remaining labels).
    private bool IsBoundary(string[] labels, int first) => (labels.Length - first) switch
    {
        2 => twoLabel.Contains($"{labels[first]}.{labels[first + 1]}"),
        3 => labels[first + 2] == "us"
            ? UsStates.Contains(labels[first + 1])
            : threeLabel.Contains($"{labels[first]}.{labels[first + 1]}.{labels[first + 2]}"),
        4 => labels[first + 3] == "us"
            && ((labels[first] == "pvt" && labels[first + 1] == "k12") || labels[first] is "ci" or "co")
            && UsStates.Contains(labels[first + 2]),
        _ => false,
    };
}
