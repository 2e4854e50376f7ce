namespace Dnsbl.Client.Messages;

// The white-space collapse of Normalize: every run of \s as one ' '.
internal static partial class ReceivedHeaderParser
{
    // Writes source with each run of white space as one ' ' to destination (at least as long); returns the length written.
    // A header is long runs of printable text with single spaces, broken by a few folds ("\r\n\t"): each run of chars from
    // ' ' to U+0084 without two spaces in a row is copied whole (found by two vectorised searches), and only the chars
    // that stop it are looked at one by one (char by char, the loop cost ~1 ns per char of every header).
    private static int Collapse(ReadOnlySpan<char> source, Span<char> destination)
    {
        var length = 0;
        var i = 0;
        while (i < source.Length)
        {
            var rest = source[i..];
            var stop = rest.IndexOfAnyExceptInRange(' ', '\u0084');
            var run = stop < 0 ? rest : rest[..stop];
            var doubled = run.IndexOf("  ", StringComparison.Ordinal);
            if (doubled >= 0)
            {
                run = run[..(doubled + 1)]; // up to and with the first of the two spaces
            }

            run.CopyTo(destination[length..]);
            length += run.Length;
            i += run.Length;
            if (i == source.Length)
            {
                break;
            }

            // A char outside the range, or the second of two spaces.
            var c = source[i];
            if (!IsWhiteSpace(c))
            {
                destination[length++] = c;
                i++;
                continue;
            }

            // A run of white space: one ' ' for all of it, unless the run copied above ended with its first char.
            var spaceWritten = i > 0 && source[i - 1] == ' ' && destination[length - 1] == ' ';
            while (i < source.Length && IsWhiteSpace(source[i]))
            {
                i++;
            }

            if (!spaceWritten)
            {
                destination[length++] = ' ';
            }
        }

        return length;
    }

    // char.IsWhiteSpace (what \s means), answered without a call for the printable ASCII chars that make up most headers.
    private static bool IsWhiteSpace(char c) =>
        c <= ' ' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : c >= '\u0085' && char.IsWhiteSpace(c);
}
