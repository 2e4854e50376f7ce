namespace Dnsbl.Client.Messages;

// The date at the end of a Received header, removed before the format rules run (rules anchored at the end then see the
// last clause).
internal static partial class ReceivedHeaderParser
{
    /// <summary>
    /// <paramref name="text"/> (normalised: white space is single ' ' only) without its trailing date: what replacing
    /// <c>[\s;]+(?:(?:Mon|T(?:ue|hu)|Wed|Fri|S(?:at|un)), )?\d+ (?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec) \d+ \d+:\d+(?::\d+)? \S+$</c>
    /// with nothing gives (the pattern is the oracle in ReceivedTrailingDateTests), read from the end without a pattern.
    /// </summary>
    /// <remarks>
    /// The match ends the text, and its last four pieces are whole words (each follows a ' '): zone, time, year, month.
    /// The day's digits follow a ' ' or ';' (or the weekday's ", "), so they are the whole digit run before the month.
    /// The leftmost match starts at the run of ' ' and ';' before the weekday when one stands there, else before the day.
    /// </remarks>
    internal static string WithoutTrailingDate(string text)
    {
        var start = TrailingDateStart(text);
        return start == text.Length ? text : text[..start];
    }

    /// <summary>Where <see cref="WithoutTrailingDate"/> cuts <paramref name="span"/> (its length when there is no date).</summary>
    private static int TrailingDateStart(ReadOnlySpan<char> span)
    {
        var zone = span.LastIndexOf(' ');
        var time = zone > 0 ? span[..zone].LastIndexOf(' ') : -1;
        var year = time > 0 ? span[..time].LastIndexOf(' ') : -1;
        var month = year > 0 ? span[..year].LastIndexOf(' ') : -1;
        if (month <= 0 || zone == span.Length - 1 || !IsTime(span[(time + 1)..zone]) || !AllDigits(span[(year + 1)..time]) ||
            !IsMonth(span[(month + 1)..year]))
        {
            return span.Length;
        }

        var day = month;
        while (day > 0 && char.IsDigit(span[day - 1]))
        {
            day--;
        }

        if (day == month || day == 0 || span[day - 1] is not (' ' or ';'))
        {
            return span.Length;
        }

        var start = day >= 6 && span[day - 1] == ' ' && span[day - 2] == ',' && IsWeekday(span[(day - 5)..(day - 2)]) && span[day - 6] is ' ' or ';'
            ? day - 5
            : day;
        while (start > 0 && span[start - 1] is ' ' or ';')
        {
            start--;
        }

        return start;
    }

    // \d+:\d+(?::\d+)? as a whole word.
    private static bool IsTime(ReadOnlySpan<char> word)
    {
        var colon = word.IndexOf(':');
        if (colon <= 0 || !AllDigits(word[..colon]))
        {
            return false;
        }

        var rest = word[(colon + 1)..];
        var second = rest.IndexOf(':');
        return second < 0 ? AllDigits(rest) : AllDigits(rest[..second]) && AllDigits(rest[(second + 1)..]);
    }

    // \d+ as a whole word (\d is any Unicode decimal digit, as char.IsDigit).
    private static bool AllDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    private static bool IsMonth(ReadOnlySpan<char> word) =>
        word is "Jan" or "Feb" or "Mar" or "Apr" or "May" or "Jun" or "Jul" or "Aug" or "Sep" or "Oct" or "Nov" or "Dec";

    private static bool IsWeekday(ReadOnlySpan<char> word) => word is "Mon" or "Tue" or "Wed" or "Thu" or "Fri" or "Sat" or "Sun";
}
