using System.Globalization;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Normalises host names taken from messages: lower case, no trailing dot, IDN to punycode, RFC 1035 length limits.
/// </summary>
/// <remarks>
/// TEMPORARY SHIM: <c>Dnsbl.Client.Lists.DomainName.TryNormalize(string, out string, out string?)</c> is the project's
/// single home for this rule and was not yet implemented when this folder was written. Once it exists, replace the
/// body of <see cref="TryNormalize"/> with a call to it.
/// </remarks>
internal static class HostNormalizer
{
    private const int MaxNameLength = 253;  // RFC 1035 §2.3.4: 255 octets on the wire, 253 characters in text
    private const int MaxLabelLength = 63;  // RFC 1035 §2.3.4

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly IdnMapping Idn = new() { AllowUnassigned = true, UseStd3AsciiRules = false };

    /// <summary>Normalises <paramref name="input"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryNormalize(string input, out string normalized, out string? error)
    {
        normalized = string.Empty;
        var name = input.Trim().TrimEnd('.');
        if (name.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        if (name.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
        {
            try
            {
                name = Idn.GetAscii(name);
            }
            catch (ArgumentException exception)
            {
                error = $"the name is not a valid internationalised name: {exception.Message}";
                return false;
            }
        }

        name = name.ToLowerInvariant();
        if (name.Length > MaxNameLength)
        {
            error = $"the name is longer than {MaxNameLength} characters";
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength)
            {
                error = $"the label '{label}' is empty or longer than {MaxLabelLength} characters";
                return false;
            }

            // Letters, digits, hyphen and underscore (used in real names such as _dmarc); no leading or trailing hyphen.
            if (label[0] == '-' || label[^1] == '-' || label.AsSpan().ContainsAnyExcept(HostCharacters))
            {
                error = $"the label '{label}' holds characters not allowed in a host name";
                return false;
            }
        }

        normalized = name;
        error = null;
        return true;
    }
}
