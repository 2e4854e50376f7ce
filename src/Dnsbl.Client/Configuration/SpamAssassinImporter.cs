namespace Dnsbl.Client.Configuration;

/// <summary>
/// Imports the DNS list rules of SpamAssassin configuration files (the shipped <c>/usr/share/spamassassin/*.cf</c>,
/// <c>local.cf</c>...) as lists with named, weighted rules and meta rules that score as SpamAssassin scores them.
/// </summary>
/// <remarks>
/// <para>Lists. Every <c>check_rbl</c>/<c>check_rbl_txt</c> set on a zone is one IP list named after the set; its rules
/// are the check_rbl rules and every <c>check_rbl_sub</c> rule of the set. Set suffixes choose the relays
/// (<see cref="Lists.DnsList.Relays"/>): <c>-lastexternal</c> → LastExternal, <c>-firsttrusted</c> → FirstTrusted,
/// <c>-notfirsthop</c> → NotFirstHop, <c>-untrusted</c> or none → AllUntrusted. <c>check_rbl_envfrom</c>,
/// <c>_from_host</c>, <c>_replyto_host</c> (full host name), <c>_from_domain</c> (registered domain) and
/// <c>check_rbl_headers</c> (EnvelopeFrom, From, Reply-To) are domain lists. <c>urirhssub</c>/<c>urirhsbl</c> are URI
/// lists per zone and tflags: <c>notrim</c> asks the full host name, <c>domains_only</c> leaves IP-literal links out.
/// <c>check_rbl_txt</c> lists are asked for TXT records only (<see cref="Lists.ListQueryType.Txt"/>), as SpamAssassin asks them; the
/// TXT expression becomes a <c>regex:</c> filter on the text.</para>
/// <para>Sub-tests keep SpamAssassin's meaning (see <c>SpamAssassinFilter</c>): numbers are bitmasks, addresses exact,
/// other text a regular expression matched unanchored against the dotted address (an octet pattern when it is an
/// anchored address form, else a <c>regex:</c> filter with a match timeout); URI sub-tests also take ranges and value/mask.</para>
/// <para>Scores. <c>score NAME s</c> or <c>score NAME s0 s1 s2 s3</c>: the score of <see cref="SpamAssassinImportOptions.ScoreSet"/>
/// (1 by default: network tests, no Bayes); <c>(n)</c> adds to the earlier score; without a score line 1, 0.01 for
/// <c>T_</c> rules, negated for tflags <c>nice</c>. A score of 0 disables the rule (reported). <c>__</c> rules weigh 0 and
/// only feed meta rules. A named rule counts once per message, whichever relay or link hit it.</para>
/// <para>Meta rules whose operands are imported DNS rules (or such meta rules) become <see cref="DnsblImportResult.MetaRules"/>;
/// one that mixes in rules SpamAssassin tests locally (body, header, SPF, DKIM...) is reported.</para>
/// <para>Refusal rules (<c>dns_block_rule</c> and <c>*_BLOCKED</c>, <c>*_BLOCKED_OPENDNS</c>, <c>*_ERROR</c>) become the
/// zone's <see cref="Lists.DnsList.ErrorCodes"/>: an operator refusal (health state refusing), never a listing (reported).</para>
/// <para>Settings. <c>required_score</c> → <see cref="Scoring.DnsblThresholds.Reject"/> (5 otherwise; no tag or allow-list threshold);
/// <c>uridnsbl_skip_domain</c>, <c>uridnsbl_max_domains</c>, <c>uridnsbl_skip_mailto</c>, <c>redirector_pattern</c>, <c>body_part_scan_size</c> → <see cref="DnsblImportResult.MessageOptions"/>.
/// Redirector patterns are read as SpamAssassin's compile_regexp reads them (<c>/regex/i</c>, <c>m'regex'i</c>) and kept
/// in file order; a line SpamAssassin would refuse, or a Perl pattern .NET cannot read, is reported and left out. When no
/// file has a <c>redirector_pattern</c> line, the shipped set stays (as with <c>uridnsbl_skip_domain</c>).</para>
/// <para><c>askdns</c> on <c>_AUTHORDOMAIN_.zone</c> / <c>_SENDERDOMAIN_.zone</c> (A) becomes a full-host domain list on the
/// From / envelope sender host; HashBL <c>check_hashbl_bodyre</c> with raw keys a domain list with a
/// <see cref="Lists.DnsList.BodyPattern"/>.</para>
/// <para>Name-server URI rules (<c>uridnsbl</c>, <c>uridnssub</c>, <c>urinsrhs*</c>, <c>urifullnsrhs*</c>) → URI lists with
/// <see cref="Lists.DnsList.UriLookup"/>, as <see cref="SpamAssassinImportOptions.NameServerRules"/> says.</para>
/// <para>Reported, never thrown: other <c>askdns</c> forms (<c>_DKIMDOMAIN_</c>, tags without a
/// zone, non-A types), other HashBL evals, other evals, unreadable lines and sub-tests.
/// Conditionals (<c>if</c>, <c>ifplugin</c>) are read as if true; the last definition of a rule name wins. Lines unrelated
/// to DNS lists are ignored. Thread-safe: static members keep no shared mutable state.</para>
/// </remarks>
public static class SpamAssassinImporter
{
    /// <summary>Imports several files, read in order as SpamAssassin does (later definitions and scores win), with score set 1.</summary>
    /// <param name="files">Each file's name (used in problem reports) and text.</param>
    /// <returns>The lists, meta rules, thresholds, message settings and problems.</returns>
    public static DnsblImportResult Import(params (string FileName, string Text)[] files) => Import(new SpamAssassinImportOptions(), files);

    /// <summary>Imports several files, read in order as SpamAssassin does (later definitions and scores win).</summary>
    /// <param name="options">The score set to use.</param>
    /// <param name="files">Each file's name (used in problem reports) and text.</param>
    /// <returns>The lists, meta rules, thresholds, message settings and problems.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score set is not 0..3.</exception>
    public static DnsblImportResult Import(SpamAssassinImportOptions options, params (string FileName, string Text)[] files)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(files);
        var parser = NewParser(options);
        foreach (var (fileName, text) in files)
        {
            ArgumentNullException.ThrowIfNull(text);
            parser.ReadFile(fileName, text.ReplaceLineEndings("\n").Split('\n'));
        }

        return parser.Build();
    }

    /// <summary>Imports the lines of one configuration, with score set 1.</summary>
    /// <param name="lines">The lines, in order.</param>
    /// <returns>The lists, meta rules, thresholds, message settings and problems (without file names).</returns>
    public static DnsblImportResult Import(IEnumerable<string> lines) => Import(lines, new SpamAssassinImportOptions());

    /// <summary>Imports the lines of one configuration.</summary>
    /// <param name="lines">The lines, in order.</param>
    /// <param name="options">The score set to use.</param>
    /// <returns>The lists, meta rules, thresholds, message settings and problems (without file names).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score set is not 0..3.</exception>
    public static DnsblImportResult Import(IEnumerable<string> lines, SpamAssassinImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(options);
        var parser = NewParser(options);
        parser.ReadFile(null, lines);
        return parser.Build();
    }

    private static SpamAssassinParser NewParser(SpamAssassinImportOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.ScoreSet, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ScoreSet, 3, nameof(options));
        return new SpamAssassinParser(options.ScoreSet, options.NameServerRules);
    }
}
