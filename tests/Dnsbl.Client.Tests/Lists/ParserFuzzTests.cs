using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

/// <summary>Seeded mutation loops: hostile text must give a typed error or a valid result, never a crash.</summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 4000;
    private const string Alphabet = "0123456789.[];!/:x*=-_aAzZ \t\u0000\u00fc\u3002,";

    private static readonly string[] FilterSeeds =
        ["127.0.0.2", "127.0.0.[2..11]", "127.0.[0..255].[2;4;6..8]", "127.0.0.0/24", "anybits:0x0c", "allbits:12", "!127.0.0.[2..3]", "any"];

    private static readonly string[] SiteSeeds =
        ["zen.spamhaus.org=127.0.0.[2..11]*3", "list.dnswl.org=127.0.[0..255].[1..3]*-2, b.example*0.5", "bücher.example"];

    private static string Mutate(Random random, string seed)
    {
        var text = seed.ToCharArray().ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
        {
            var position = random.Next(text.Count + 1);
            switch (random.Next(3))
            {
                case 0 when text.Count > 0 && position < text.Count:
                    text.RemoveAt(position);
                    break;
                case 1 when position < text.Count:
                    text[position] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    text.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                    break;
            }
        }

        return new string(text.ToArray());
    }

    [Fact]
    public void ReturnCodeFilterParse_MutatedText_ThrowsFormatExceptionOrRoundTrips()
    {
        var random = new Random(20260521);
        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(random, FilterSeeds[i % FilterSeeds.Length]);
            ReturnCodeFilter filter;
            try
            {
                filter = ReturnCodeFilter.Parse(text);
            }
            catch (FormatException)
            {
                Assert.False(ReturnCodeFilter.TryParse(text, out _), text);
                continue;
            }

            Assert.Equal(filter, ReturnCodeFilter.Parse(filter.ToString()));
        }
    }

    [Fact]
    public void DomainNameTryNormalize_MutatedText_NeverThrowsAndYieldsNormalisedNames()
    {
        var random = new Random(7);
        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(random, SiteSeeds[i % SiteSeeds.Length].Split('=')[0]);
            if (DomainName.TryNormalize(text, out var normalized, out var error))
            {
                Assert.True(DomainName.IsNormalized(normalized), $"{text} -> {normalized}");
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }
        }
    }

    [Fact]
    public void ParseSites_MutatedText_ThrowsFormatExceptionOrGivesValidLists()
    {
        var random = new Random(11);
        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(random, SiteSeeds[i % SiteSeeds.Length]);
            try
            {
                foreach (var list in DnsList.ParseSites(text))
                {
                    Assert.True(DomainName.IsNormalized(list.Zone), list.Zone);
                    Assert.NotEmpty(list.Rules);
                }
            }
            catch (FormatException exception)
            {
                Assert.StartsWith("Invalid DNSBL site", exception.Message, StringComparison.Ordinal);
            }
        }
    }
}
