using System.Text;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// Inputs for the differential tests of the scanners that replaced regexes: random joins of fragments chosen to sit on
/// each pattern's edges (case, word boundaries, Unicode letters and spaces, unclosed constructs), plus real-shaped
/// message bodies from the corpora.
/// </summary>
internal static class ScannerOracleTexts
{
    private static readonly string[] Separators = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "", "", "", "\u200c", "é"];

    /// <summary><paramref name="count"/> texts of 1–40 fragments each, reproducible from <paramref name="seed"/>.</summary>
    public static IEnumerable<string> Generated(string[] fragments, int count, int seed)
    {
        var random = new Random(seed);
        for (var sample = 0; sample < count; sample++)
        {
            var text = new StringBuilder();
            for (var part = random.Next(1, 40); part > 0; part--)
            {
                text.Append(fragments[random.Next(fragments.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }

            yield return text.ToString();
        }
    }

    /// <summary>Every corpus message (unit and key-oracle corpora) as Latin-1 text, headers and raw body included.</summary>
    public static IEnumerable<string> CorpusMessages()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !Directory.Exists(Path.Combine(root, "tests")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        foreach (var directory in (string[])["tests/Dnsbl.Client.Tests/Messages/Corpus", "tests/Dnsbl.Client.IntegrationTests/SpamAssassinOracle/Corpus"])
        {
            var files = Directory.GetFiles(Path.Combine(root, directory), "*.eml");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                yield return Encoding.Latin1.GetString(File.ReadAllBytes(file));
            }
        }
    }

    /// <summary>The decoded bodies of every corpus message (what the link scanners really see).</summary>
    public static IEnumerable<string> CorpusBodies()
    {
        foreach (var message in CorpusMessages())
        {
            var context = Dnsbl.Client.Messages.MessageContext.Parse(message);
            foreach (var body in (string?[])[context.TextBody, context.HtmlBody, message])
            {
                if (!string.IsNullOrEmpty(body))
                {
                    yield return body;
                }
            }
        }
    }
}
