namespace Dnsbl.Client.Configuration;

/// <summary>
/// Imports the DNS list rules of SpamAssassin configuration files (<c>20_dnsbl_tests.cf</c>, <c>25_uribl.cf</c>,
/// <c>50_scores.cf</c>, <c>local.cf</c>...) as lists with named, weighted rules.
/// </summary>
/// <remarks>
/// <para>Mapping. <c>header NAME eval:check_rbl('set', 'zone.'[, 'sub'])</c> defines the IP list <c>set</c> (its
/// <see cref="Lists.DnsList.Name"/>) on <c>zone</c>; a rule not starting with <c>__</c> also scores every listing (or
/// those matching <c>sub</c>). <c>check_rbl_sub('set', 'sub')</c> adds a rule. Set name suffixes choose the relays:
/// <c>-lastexternal</c> → <see cref="Lists.RelaySelection.LastExternal"/>, <c>-firsttrusted</c> →
/// <see cref="Lists.RelaySelection.ConnectingClient"/> (approximation), <c>-notfirsthop</c> →
/// <see cref="Lists.RelaySelection.NotFirstHop"/>, none → <see cref="Lists.RelaySelection.AllUntrusted"/>.
/// <c>check_rbl_envfrom</c>, <c>check_rbl_from_host</c>, <c>check_rbl_from_domain</c> and <c>check_rbl_replyto_host</c>
/// define domain lists asked about the envelope sender, From host, From domain or Reply-To host.
/// <c>check_rbl_txt</c> imports the zone with TXT fetching but cannot apply its TXT regular expression (reported).
/// <c>urirhssub NAME zone. A sub</c> and <c>urirhsbl NAME zone. A</c> define URI lists (named after the zone).</para>
/// <para>Sub-tests: a dotted quad, a last-octet range (<c>127.0.1.102-106</c>), a bitmask number (<c>8</c>, any bit),
/// or a regular expression that is a plain anchored address; other regular expressions are reported.</para>
/// <para>Weights: <c>score NAME s1 [s2 s3 s4]</c>; the LAST score given is used (with four scores that is set 3, network
/// tests with Bayes; the last one is what SpamAssassin uses on a fully enabled system). A rule without a score line gets
/// SpamAssassin's default: 1.0, or -1.0 when its <c>tflags</c> include <c>nice</c>. A score of 0 disables the rule in
/// SpamAssassin, so it is not imported (reported). Later <c>score</c> lines override earlier ones, across files in order.</para>
/// <para>Thresholds: <c>required_score</c> (or <c>required_hits</c>) becomes <see cref="Scoring.DnsblThresholds.Reject"/>
/// (SpamAssassin's default 5.0 otherwise); tagging and allow-listing are off (SpamAssassin has no such short-cut).</para>
/// <para>Not imported, each reported with its line: <c>uridnsbl</c>/<c>uridnssub</c> (name-server address lookups),
/// <c>askdns</c>, other <c>check_rbl_*</c> evals, <c>meta</c> rules that combine DNS rules. Conditionals
/// (<c>if</c>, <c>ifplugin</c>) are read as if true. Lines unrelated to DNS lists are ignored.</para>
/// Thread-safe: static members keep no shared mutable state; call them from any thread.
/// </remarks>
public static class SpamAssassinImporter
{
    /// <summary>Imports several files, read in order as SpamAssassin does (later scores win).</summary>
    /// <param name="files">Each file's name (used in problem reports) and text.</param>
    /// <returns>The lists, thresholds and problems.</returns>
    public static DnsblImportResult Import(params (string FileName, string Text)[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parser = new SpamAssassinParser();
        foreach (var (fileName, text) in files)
        {
            ArgumentNullException.ThrowIfNull(text);
            parser.ReadFile(fileName, text.ReplaceLineEndings("\n").Split('\n'));
        }

        return parser.Build();
    }

    /// <summary>Imports the lines of one configuration.</summary>
    /// <param name="lines">The lines, in order.</param>
    /// <returns>The lists, thresholds and problems (without file names).</returns>
    public static DnsblImportResult Import(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parser = new SpamAssassinParser();
        parser.ReadFile(null, lines);
        return parser.Build();
    }
}
