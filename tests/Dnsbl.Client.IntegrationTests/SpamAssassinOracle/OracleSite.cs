using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// What both sides of the oracle share: the look-alike zones (under the real list names, served only on loopback), the
/// site's own networks, and the one local configuration SpamAssassin reads and our importer imports.
/// </summary>
internal static class OracleSite
{
    /// <summary>Debian's shipped rules: what the importer reads and what SpamAssassin runs.</summary>
    public const string ShippedRulesDirectory = "/usr/share/spamassassin";

    /// <summary>Debian's plugin set (<c>init.pre</c>, <c>v*.pre</c>).</summary>
    public const string PluginDirectory = "/etc/spamassassin";

    /// <summary>The zone the harness asks marker names of, to cut the query log into per-message segments.</summary>
    public const string MarkerZone = "oracle.test";

    /// <summary>The corpus's receiving site: its MX hosts and its internal network. Every message's first hops are ours.</summary>
    public static readonly string[] SiteNetworks = ["185.11.88.0/24", "10.20.0.0/16", "2a02:c207:3001::/48"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "SpamAssassinOracle");

    public static string CorpusFolder => Path.Combine(Folder, "Corpus");

    /// <summary>Real messages other people wrote (public test fixtures, see RealCorpus/SOURCES.md): the held-out kind of corpus.</summary>
    public static string RealCorpusFolder => Path.Combine(Folder, "RealCorpus");

    public static MessageOptions MessageOptions => new() { TrustedNetworks = [.. SiteNetworks.Select(IPNetwork.Parse)] };

    /// <summary>
    /// The local configuration: loopback DNS only, network tests on and Bayes off (so score set 1), the site's networks
    /// as trusted and internal (Razor, Pyzor and DCC are not loaded at all). Also given to the importer, so both sides read the same lines.
    /// </summary>
    public static string LocalConfiguration(int dnsPort) => $"""
        # Written by the oracle harness. DNS goes only to the loopback rbldnsd.
        dns_server 127.0.0.1:{dnsPort}
        dns_available yes
        use_bayes 0
        bayes_auto_learn 0
        trusted_networks {string.Join(' ', SiteNetworks)}
        internal_networks {string.Join(' ', SiteNetworks)}
        # A site rule on a hashed HashBL list (SpamAssassin ships only a raw one): order numbers, asked as their SHA-1.
        body     LOCAL_HASHBL_ORDER eval:check_hashbl_bodyre('hashbl.oracle-lab.net', 'sha1/max=10/shuffle', '\b(ORDER-[0-9][0-9][0-9][0-9][0-9][0-9])\b')
        tflags   LOCAL_HASHBL_ORDER net
        score    LOCAL_HASHBL_ORDER 1.5
        """;

    /// <summary>Every zone file under Zones/: the name is the zone, the extension the rbldnsd dataset type.</summary>
    public static IReadOnlyList<RbldnsdZone> Zones() =>
        [.. Directory.GetFiles(Path.Combine(Folder, "Zones")).Order(StringComparer.Ordinal).Select(path =>
        {
            var name = Path.GetFileName(path);
            var extension = Path.GetExtension(name);
            return new RbldnsdZone(name[..^extension.Length], extension[1..], name, File.ReadAllText(path));
        })];

    /// <summary>The shipped rule files in the order SpamAssassin reads them, then the local configuration.</summary>
    public static (string FileName, string Text)[] ImporterInput(int dnsPort) =>
        [.. Directory.GetFiles(ShippedRulesDirectory, "*.cf").Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllText(path))),
            ("local.cf", LocalConfiguration(dnsPort))];

    public static IReadOnlyList<string> CorpusFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)];
}
