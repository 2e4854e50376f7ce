namespace Dnsbl.Client.Messages;

public sealed partial class PublicSuffixList
{
    private const string IcannBegin = "===BEGIN ICANN DOMAINS===";
    private const string PrivateBegin = "===BEGIN PRIVATE DOMAINS===";

    /// <summary>Loads a list file (e.g. a newer <c>public_suffix_list.dat</c>) from <paramref name="path"/>.</summary>
    /// <param name="path">The file, in the publicsuffix.org format (UTF-8).</param>
    /// <returns>The loaded list.</returns>
    /// <exception cref="InvalidDataException">The file holds no rules.</exception>
    public static PublicSuffixList LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a list in the publicsuffix.org format (UTF-8) from <paramref name="stream"/>; the stream is not disposed.</summary>
    /// <param name="stream">The list text.</param>
    /// <returns>The loaded list.</returns>
    /// <exception cref="InvalidDataException">The stream holds no rules.</exception>
    public static PublicSuffixList Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Load(reader);
    }

    /// <summary>Loads a list in the publicsuffix.org format from <paramref name="reader"/>.</summary>
    /// <param name="reader">The list text.</param>
    /// <returns>The loaded list.</returns>
    /// <exception cref="InvalidDataException">The text holds no rules.</exception>
    public static PublicSuffixList Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = new Dictionary<string, PublicSuffixRule>(StringComparer.Ordinal);

        // Rules before any section marker (a hand-written list) count as ICANN rules.
        var isPrivate = false;
        while (reader.ReadLine() is { } line)
        {
            var text = line.AsSpan().Trim();
            if (text.StartsWith("//"))
            {
                isPrivate = text.Contains(PrivateBegin, StringComparison.Ordinal) || (isPrivate && !text.Contains(IcannBegin, StringComparison.Ordinal));
                continue;
            }

            // A rule ends at the first white space (the format allows trailing comments after it).
            var end = text.IndexOfAny(' ', '\t');
            var rule = (end < 0 ? text : text[..end]).ToString();
            if (rule.Length > 0)
            {
                AddRule(rules, rule, isPrivate);
            }
        }

        if (rules.Count == 0)
        {
            throw new InvalidDataException("The public suffix list holds no rules.");
        }

        return new PublicSuffixList(rules);
    }

    private static void AddRule(Dictionary<string, PublicSuffixRule> rules, string rule, bool isPrivate)
    {
        PublicSuffixRule kind;
        if (rule.StartsWith('!'))
        {
            kind = isPrivate ? PublicSuffixRule.ExceptionPrivate : PublicSuffixRule.ExceptionIcann;
            rule = rule[1..];
        }
        else if (rule.StartsWith("*.", StringComparison.Ordinal))
        {
            kind = isPrivate ? PublicSuffixRule.WildcardPrivate : PublicSuffixRule.WildcardIcann;
            rule = rule[2..];
        }
        else
        {
            kind = isPrivate ? PublicSuffixRule.Private : PublicSuffixRule.Icann;
        }

        // Rules are written in Unicode; hosts are matched in punycode. A rule that is not a valid name is ignored.
        if (ToAscii(rule) is { } ascii && !ascii.Contains('*', StringComparison.Ordinal))
        {
            rules[ascii] = rules.GetValueOrDefault(ascii) | kind;
        }
    }

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        return Load(stream);
    }
}
