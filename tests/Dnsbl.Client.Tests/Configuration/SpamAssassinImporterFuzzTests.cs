using Dnsbl.Client.Configuration;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>A seeded mutation fuzz of rule lines: whatever the lines, the import returns, and every problem names a real line.</summary>
public sealed class SpamAssassinImporterFuzzTests
{
    private const string Alphabet = "'\"(),.\\^$[]{}|*+?#-/!&<>=0123456789 \t_aAzZ:";

    private static readonly string[] Seeds =
    [
        .. SpamAssassinImporterTests.RulesFile.Split('\n'),
        .. SpamAssassinImporterTests.ScoresFile.Split('\n'),
        "meta RCVD_IN_MSPIKE_ZBI  __RCVD_IN_MSPIKE_Z && !__RCVD_IN_MSPIKE_LOW",
        "meta __ACCT  (__A + __B + RCVD_IN_SBL) > 1 && !(__C || RCVD_IN_XBL)",
        "score RCVD_IN_SBL (0.5) (0) (0.5) (0)",
        "header RCVD_IN_DNSWL_MED eval:check_rbl_sub('dnswl-firsttrusted', '^127\\.0\\.\\d+\\.2$')",
        "urirhssub URIBL_X multi.surbl.org. A 0x10/0xff",
        "dns_block_rule URIBL_BLOCKED multi.uribl.com",
        "clear_uridnsbl_skip_domain",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Import_MutatedRuleLines_NeverThrowsAndReportsRealLines(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var lines = new string[1 + random.Next(12)];
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = Mutate(Seeds[random.Next(Seeds.Length)], random);
            }

            var result = SpamAssassinImporter.Import(new SpamAssassinImportOptions { ScoreSet = random.Next(4) }, ("fuzz.cf", string.Join('\n', lines)));

            Assert.All(result.Problems, p => Assert.InRange(p.Line, 1, lines.Length));
            Assert.All(result.Lists, l => Assert.NotEmpty(l.Rules));
        }
    }

    private static string Mutate(string line, Random random)
    {
        var text = line;
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            text = random.Next(5) switch
            {
                0 => text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(4))),
                1 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()),
                2 => text[..at],
                3 => text.Insert(at, text[at..Math.Min(text.Length, at + random.Next(8))]),
                _ => text.Insert(at, new string('(', random.Next(100))),
            };
        }

        return text;
    }
}
