namespace Dnsbl.Client.Lists;

/// <summary>Which DNS record type a list is asked for.</summary>
public enum ListQueryType
{
    /// <summary>A records: the answer is a return code in 127.0.0.0/8 (RFC 5782), read through the list's rules.</summary>
    A,

    /// <summary>
    /// TXT records only, as SpamAssassin's <c>check_rbl_txt</c> asks SpamCop and the Validity lists: any TXT record is a
    /// listing, whose text is the outcome's <c>Text</c>. Rules match that text: a <c>regex:</c> filter tests it
    /// (unanchored), <c>any</c> (or no filter) matches every text, and a filter on codes matches no text. No A query is
    /// sent, so operator error codes cannot be seen.
    /// </summary>
    Txt,
}
