namespace Dnsbl.Client.Messages;

// Which vendor's rules a header gets: its product markers, found by one multi-text search.
internal static partial class ReceivedHeaderParser
{
    /// <summary>Vendor-specific forms, recognised by their product marker; only the first marker found counts.</summary>
    private static FormatRule[]? FindVendor(ReadOnlySpan<char> text)
    {
        var present = VendorMarkersIn(text);
        if (present == 0)
        {
            return null; // most headers name no vendor
        }

        foreach (var (markers, pattern, rules) in VendorRules)
        {
            if ((present & markers) != 0 && (pattern is null || pattern.IsMatch(text)))
            {
                return rules;
            }
        }

        return null;
    }

    // Which of VendorMarkerList's texts text contains, one bit each: every place where one starts, found by one
    // multi-text search (a header names one vendor or none), instead of a search per marker in rule order.
    internal static int VendorMarkersIn(ReadOnlySpan<char> text)
    {
        var present = 0;
        var from = 0;
        int found;
        while ((found = text[from..].IndexOfAny(VendorMarkerTexts)) >= 0)
        {
            var at = text[(from + found)..];
            for (var marker = 0; marker < VendorMarkerList.Length; marker++)
            {
                if (at.StartsWith(VendorMarkerList[marker], StringComparison.Ordinal))
                {
                    present |= 1 << marker;
                }
            }

            from += found + 1;
        }

        return present;
    }
}
