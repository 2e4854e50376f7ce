using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Dnsbl.Client.Lists;

/// <summary>
/// Domain name validation and normalisation for zones and looked-up domains: lower case, no trailing dot, IDN to
/// punycode, RFC 1035 limits.
/// </summary>
/// <remarks>
/// Rules: labels of 1..63 octets separated by single dots, at most 253 characters in all (255 octets on the wire,
/// RFC 1035 §2.3.4); each label holds only ASCII letters, digits, <c>-</c> and <c>_</c> (underscore is allowed
/// because real list keys and service names use it, RFC 2181 §11) and neither starts nor ends with <c>-</c>.
/// A label with non-ASCII characters is converted with <see cref="IdnMapping"/> (UseStd3AsciiRules), so
/// <c>bücher.example</c> becomes <c>xn--bcher-kva.example</c>; the ideographic full stops U+3002, U+FF0E and
/// U+FF61 separate labels as IDNA says. White space, control characters and the wildcard <c>*</c> are refused.
/// The root name (<c>.</c>) and the empty string are refused. One trailing dot is removed.
/// </remarks>
internal static partial class DomainName
{
    /// <summary>The longest name in text form without the trailing dot (255 octets on the wire, RFC 1035 §2.3.4).</summary>
    public const int MaxLength = 253;

    /// <summary>The longest label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>Normalises <paramref name="input"/>, or says what is wrong with it.</summary>
    /// <param name="input">The name as given.</param>
    /// <param name="normalized">The normalised name (the same instance when it already was).</param>
    /// <param name="error">What is wrong, when the name is invalid.</param>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (string.IsNullOrEmpty(input))
        {
            error = "the name is empty";
            return false;
        }

        if (IsNormalized(input))
        {
            normalized = input;
            error = null;
            return true;
        }

        if (!TryFindForbiddenCharacter(input, out error))
        {
            return false;
        }

        var text = input.Replace('\u3002', '.').Replace('\uFF0E', '.').Replace('\uFF61', '.');
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        if (text.Length == 0)
        {
            error = "the name is the root; a domain is needed";
            return false;
        }

        var labels = text.Split('.');
        var builder = new StringBuilder(text.Length + 16);
        for (var index = 0; index < labels.Length; index++)
        {
            if (!TryNormalizeLabel(labels[index], index + 1, out var label, out error))
            {
                return false;
            }

            builder.Append(index == 0 ? "" : ".").Append(label);
        }

        if (builder.Length > MaxLength)
        {
            error = $"the name is {builder.Length} characters; the limit is {MaxLength}";
            return false;
        }

        normalized = builder.ToString();
        return true;
    }

    /// <summary>Normalises a domain name.</summary>
    /// <exception cref="ArgumentException">The name is invalid; the message says why.</exception>
    public static string Normalize(string input, string? paramName = null) =>
        TryNormalize(input, out var normalized, out var error)
            ? normalized
            : throw new ArgumentException($"Invalid domain name \"{input}\": {error}.", paramName ?? nameof(input));

    /// <summary>Normalises a list's zone (the same rules as any domain).</summary>
    /// <exception cref="ArgumentException">The zone is invalid; the message says why.</exception>
    public static string NormalizeZone(string zone) =>
        TryNormalize(zone, out var normalized, out var error)
            ? normalized
            : throw new ArgumentException($"Invalid zone \"{zone}\": {error}.", nameof(zone));

    private static bool TryFindForbiddenCharacter(string input, [NotNullWhen(false)] out string? error)
    {
        for (var position = 0; position < input.Length; position++)
        {
            var character = input[position];
            error = character switch
            {
                _ when char.IsControl(character) => $"control character U+{(int)character:X4} at position {position}",
                _ when char.IsWhiteSpace(character) => $"white space at position {position}",
                '*' => $"wildcard '*' at position {position} is not allowed",
                _ => null,
            };
            if (error is not null)
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryNormalizeLabel(string label, int number, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (label.Length == 0)
        {
            error = $"label {number} is empty";
            return false;
        }

        if (!Ascii.IsValid(label))
        {
            try
            {
                label = Idn.GetAscii(label);
            }
            catch (ArgumentException exception)
            {
                error = $"label {number} ('{label}') is not a valid internationalised label ({exception.Message.TrimEnd('.')})";
                return false;
            }
        }

        label = label.ToLowerInvariant();
        if (!TryCheckLabel(label, number, out error))
        {
            return false;
        }

        normalized = label;
        return true;
    }
}
