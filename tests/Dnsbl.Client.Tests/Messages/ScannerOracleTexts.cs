using System.Text;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// Inputs for the differential tests of the scanners that replaced regexes: random joins of fragments chosen to sit on
/// each pattern's edges (case, word boundaries, Unicode letters and spaces, unclosed constructs), plus real-shaped
/// message bodies from the corpora.
/// </summary>
internal static class ScannerOracleTexts
{
    /// <summary>A scanner's find-next: the first match at or after <paramref name="from"/>.</summary>
    public delegate bool FindNext(ReadOnlySpan<char> text, int from, out int start, out int length);

    /// <summary>Asserts <paramref name="scanner"/> finds what <paramref name="oracle"/> matches, on generated texts.</summary>
    public static void AssertSameOnGenerated(Regex oracle, FindNext scanner, string[] fragments, int seed)
    {
        foreach (var text in Generated(fragments, 3000, seed))
        {
            Assert.Equal(Matches(oracle, text), Matches(scanner, text));
        }
    }

    /// <summary>Asserts <paramref name="scanner"/> finds what <paramref name="oracle"/> matches in every corpus body; returns how many matches.</summary>
    public static int AssertSameOnCorpus(Regex oracle, FindNext scanner)
    {
        var compared = 0;
        foreach (var text in CorpusBodies())
        {
            var expected = Matches(oracle, text);
            Assert.Equal(expected, Matches(scanner, text));
            compared += expected.Count;
        }

        return compared;
    }

    private static List<(int, int)> Matches(Regex oracle, string text) => [.. oracle.Matches(text).Select(match => (match.Index, match.Length))];

    private static List<(int, int)> Matches(FindNext scanner, string text)
    {
        var found = new List<(int, int)>();
        for (var from = 0; scanner(text, from, out var start, out var length); from = start + length)
        {
            found.Add((start, length));
        }

        return found;
    }

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

    /// <summary>Every corpus message (unit, key-oracle and real corpora) as Latin-1 text, headers and raw body included.</summary>
    public static IEnumerable<string> CorpusMessages()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !Directory.Exists(Path.Combine(root, "tests")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        foreach (var directory in (string[])["tests/Dnsbl.Client.Tests/Messages/Corpus", "tests/Dnsbl.Client.IntegrationTests/SpamAssassinOracle/Corpus", "tests/Dnsbl.Client.IntegrationTests/SpamAssassinOracle/RealCorpus"])
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
