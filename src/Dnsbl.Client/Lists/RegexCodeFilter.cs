using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Lists;

/// <summary>
/// Matches a code whose dotted-quad text (<c>127.0.0.4</c>) matches a regular expression, unanchored as SpamAssassin
/// applies its sub-tests (text <c>regex:^127\.0\.\d+\.1$</c>). Kept for expressions that have no octet-pattern form;
/// a match that exceeds <see cref="MatchTimeout"/> counts as no match, so a hostile expression cannot stall a check.
/// </summary>
internal sealed class RegexCodeFilter : ReturnCodeFilter
{
    public const string Keyword = "regex";

    /// <summary>The most one match may take; SpamAssassin's sub-tests run in microseconds on a 15-character address.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    private RegexCodeFilter(Regex regex) => _regex = regex;

    public static bool TryCreate(string pattern, [NotNullWhen(true)] out ReturnCodeFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        error = null;
        if (pattern.Length == 0)
        {
            error = "the regular expression is empty";
            return false;
        }

        try
        {
            filter = new RegexCodeFilter(new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout));
            return true;
        }
        catch (ArgumentException exception)
        {
            error = $"the regular expression '{pattern}' is not valid: {exception.Message}";
            return false;
        }
    }

    internal override bool Matches(uint code)
    {
        Span<char> text = stackalloc char[15];
        var length = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            if (shift != 24)
            {
                text[length++] = '.';
            }

            ((code >> shift) & 0xFF).TryFormat(text[length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            length += written;
        }

        return IsMatch(text[..length]);
    }

    // A TXT list's answer text (SpamAssassin's check_rbl_txt expression, e.g. (?i:spamcop)), matched as a code's text is.
    internal override bool MatchesText(string text) => IsMatch(text);

    private bool IsMatch(ReadOnlySpan<char> text)
    {
        try
        {
            return _regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string ToString() => Keyword + ":" + _regex;
}
