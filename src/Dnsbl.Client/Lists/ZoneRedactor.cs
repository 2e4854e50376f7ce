using System.Buffers;
using System.Text;

namespace Dnsbl.Client.Lists;

/// <summary>
/// Hides secrets in zone and query names before they reach logs, results or health reports: a DQS-style key in
/// <c>2.0.0.127.&lt;key&gt;.zen.dq.spamhaus.net</c> becomes <c>2.0.0.127.***.zen.dq.spamhaus.net</c>.
/// </summary>
/// <remarks>
/// Two rules, applied to every host name found in the text: (1) under a known keyed suffix (<c>dq.spamhaus.net</c>,
/// <c>dq.spamhaus.com</c>, <c>mail.abusix.zone</c>) the label just before the list's own label is the key, whatever it
/// looks like; (2) anywhere, a label of at least <see cref="MinimumKeyLength"/> ASCII letters and digits with at least one
/// of each looks like a key. Rule 2 can also hide a long hashed label (e.g. an HBL hash) or an unusual long domain label
/// with digits; hiding too much in a log line is the safe side.
/// </remarks>
internal static class ZoneRedactor
{
    public const string Mask = "***";
    public const int MinimumKeyLength = 20;

    private static readonly SearchValues<char> KeyCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    // Suffix → how many labels the list label + suffix take: the key is the label just before them.
    private static readonly (string Suffix, int LabelsAfterKey)[] KeyedSuffixes =
    [
        (".dq.spamhaus.net", 4),
        (".dq.spamhaus.com", 4),
        (".mail.abusix.zone", 4),
    ];

    /// <summary>Returns <paramref name="text"/> with every key-looking label replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        if (!MightHoldSecret(text))
        {
            return text;
        }

        StringBuilder? result = null;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsNameChar(text[i]))
            {
                continue;
            }

            if (i > start)
            {
                var name = text.AsSpan(start, i - start);
                var redacted = RedactName(name);
                if (redacted is not null)
                {
                    result ??= new StringBuilder(text.Length).Append(text, 0, start);
                    result.Append(redacted);
                }
                else
                {
                    result?.Append(name);
                }
            }

            if (i < text.Length)
            {
                result?.Append(text[i]);
            }

            start = i + 1;
        }

        return result?.ToString() ?? text;
    }

    /// <summary>
    /// False when neither rule can apply anywhere in <paramref name="text"/>: no keyed suffix occurs in it, and no run of
    /// key characters is long enough to be a key-looking label. Every outcome's query name passes here and almost
    /// none holds a secret: two vectorised searches settle that, before any per-character scan.
    /// </summary>
    private static bool MightHoldSecret(ReadOnlySpan<char> text)
    {
        foreach (var (suffix, _) in KeyedSuffixes)
        {
            if (text.Contains(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        while (text.Length >= MinimumKeyLength)
        {
            var run = text.IndexOfAnyExcept(KeyCharacters);
            if (run < 0 ? text.Length >= MinimumKeyLength : run >= MinimumKeyLength)
            {
                return true;
            }

            text = text[(run + 1)..];
        }

        return false;
    }

    /// <summary>The redacted name, or null when nothing in it looks secret.</summary>
    // Every outcome's query name passes here, and almost none holds a secret: the scan over spans decides without
    // allocating, and only a name that changes is split into strings.
    private static string? RedactName(ReadOnlySpan<char> name)
    {
        var keyIndex = KeyedIndex(name, name.Count('.') + 1);
        if (!AnyLabelToMask(name, keyIndex))
        {
            return null;
        }

        var labels = name.ToString().Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (i == keyIndex || LooksLikeKey(labels[i]))
            {
                labels[i] = Mask;
            }
        }

        return string.Join('.', labels);
    }

    /// <summary>Whether a label is the key (by position) or looks like one, and is not already the mask.</summary>
    private static bool AnyLabelToMask(ReadOnlySpan<char> name, int keyIndex)
    {
        var index = 0;
        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if ((index == keyIndex || LooksLikeKey(label)) && !label.SequenceEqual(Mask))
            {
                return true;
            }

            index++;
        }

        return false;
    }

    private static int KeyedIndex(ReadOnlySpan<char> name, int labelCount)
    {
        var trimmed = name.TrimEnd('.');
        foreach (var (suffix, labelsAfterKey) in KeyedSuffixes)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && labelCount > labelsAfterKey)
            {
                // A trailing dot adds an empty last label.
                var trailing = name.Length != trimmed.Length ? 1 : 0;
                return labelCount - trailing - labelsAfterKey - 1;
            }
        }

        return -1;
    }

    private static bool LooksLikeKey(ReadOnlySpan<char> label) =>
        label.Length >= MinimumKeyLength
        && !label.ContainsAnyExcept(KeyCharacters)
        && label.ContainsAny(Digits)
        && label.ContainsAnyExcept(Digits);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '*';
}
