using System.Text;

namespace Dnsbl.Client.Messages;

/// <summary>Text helpers for message explanations: origins (whole Received headers, long links) on one short line.</summary>
internal static class MessageExplanation
{
    private const int MaxOriginLength = 80;

    /// <summary>Folds whitespace runs (header folding) to one space and cuts the text to a log-friendly length.</summary>
    public static string Shorten(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var builder = new StringBuilder(Math.Min(origin.Length, MaxOriginLength + 1));
        var lastWasSpace = false;
        foreach (var c in origin.Trim())
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!(isSpace && lastWasSpace))
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
            if (builder.Length > MaxOriginLength)
            {
                builder.Length = MaxOriginLength;
                return builder.Append('…').ToString();
            }
        }

        return builder.ToString();
    }
}
