namespace Dnsbl.Client.Configuration;

/// <summary>Imports the DNS list settings of a Postfix <c>main.cf</c>: postscreen's weighted sites and smtpd's RBL restrictions.</summary>
/// <remarks>
/// <para>postscreen: each <c>postscreen_dnsbl_sites</c> entry <c>zone[=filter][*weight]</c> is read by
/// <see cref="Lists.DnsList.Parse"/>; entries of one zone merge into one list, and a zone whose weights are all
/// negative is an allow list (as in postscreen). <c>postscreen_dnsbl_threshold</c> → <see cref="Scoring.DnsblThresholds.Reject"/>
/// (Postfix default 1). <c>postscreen_dnsbl_allowlist_threshold</c> (or the older <c>postscreen_dnsbl_whitelist_threshold</c>)
/// → <see cref="Scoring.DnsblThresholds.AllowList"/> when negative; Postfix's default 0 (off) → null. Tagging is off.</para>
/// <para>smtpd restrictions (every <c>smtpd_*_restrictions</c>): <c>reject_rbl_client zone[=filter]</c> → IP block list;
/// <c>reject_rhsbl_client</c> and <c>reject_rhsbl_reverse_client</c> → domain block list on the client's reverse DNS name;
/// <c>reject_rhsbl_sender</c> → on the envelope sender domain; <c>reject_rhsbl_helo</c> → on the HELO name;
/// <c>permit_dnswl_client</c> → IP allow list; <c>permit_rhswl_client</c> → domain allow list on the reverse name. A
/// block list's rule weighs the reject threshold, so one hit rejects as Postfix would; an allow list's rule weighs the
/// allow-list threshold, so one hit allow-lists (when none is set, -1 is set, and that is reported). The same zone used
/// for several domain sources becomes one list. Postfix evaluates restrictions in order and stops at the first match; a
/// score has no order, so a permit listed after a reject counts the same as one before it.</para>
/// <para>Reported, never silently dropped: <c>$parameter</c> references (not expanded), <c>postscreen_dnsbl_reply_map</c>
/// and other <c>postscreen_dnsbl_*</c> settings with no equivalent here, invalid entries, a zone already imported from
/// postscreen (postscreen's weights are kept), obsolete or unsupported RBL restrictions, repeated definitions.</para>
/// Thread-safe: static members keep no shared mutable state; call them from any thread.
/// </remarks>
public static class PostfixImporter
{
    /// <summary>Imports <paramref name="mainCfText"/>, the text of a main.cf.</summary>
    /// <param name="mainCfText">The file's text.</param>
    /// <returns>The lists, thresholds and problems (line numbers are main.cf's).</returns>
    public static DnsblImportResult Import(string mainCfText)
    {
        ArgumentNullException.ThrowIfNull(mainCfText);
        var problems = new List<ImportProblem>();
        var parameters = PostfixMainCf.Read(mainCfText, problems);
        var import = new PostfixImport(parameters, problems);
        return import.Build();
    }
}
