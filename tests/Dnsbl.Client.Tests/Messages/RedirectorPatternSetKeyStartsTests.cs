using System.Buffers;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The key search of short texts by the keys' first two chars (<see cref="RedirectorPatternSet.HoldsKey"/>) against the
/// vectorised search it stands in for, over generated texts: pieces of every key in any case, at every place, cut short,
/// beside non-ASCII chars that are alike ignoring case in some cultures, and texts of every length around the cut-over.
/// </summary>
public sealed class RedirectorPatternSetKeyStartsTests
{
    private static readonly string[] Shipped = [.. MessageConstants.DefaultRedirectorPatterns];

    // Keys two chars long, keys sharing their first two chars, a key starting with a digit and one with punctuation.
    private static readonly string[] Configured =
        [@"^http://ab\.example/(.*)$", @"^http://x/abc(.*)$", @"[?&]9z=(.*)$", @"/-go/(.*)$", @"ABX\.(.*)$", @"qq(.*)$"];

    public static TheoryData<string> Sets => new() { nameof(Shipped), nameof(Configured) };

    [Theory]
    [MemberData(nameof(Sets))]
    public void HoldsKey_GeneratedTexts_SameAsTheSearch(string set)
    {
        var patterns = set == nameof(Shipped) ? Shipped : Configured;
        var compiled = RedirectorPatternSet.For(patterns, Timeout.InfiniteTimeSpan);
        var keys = patterns.Select(pattern => RedirectorPatternSet.KeyOf(RequiredTexts.Of(pattern))).ToArray();
        var search = SearchValues.Create(keys, StringComparison.OrdinalIgnoreCase);
        var random = new Random(1515);
        var (holding, compared) = (0, 0);
        foreach (var text in Texts(keys, random))
        {
            var expected = text.AsSpan().IndexOfAny(search) >= 0;
            Assert.True(expected == compiled.HoldsKey(text), $"'{text}' holds a key: {expected}");
            Assert.Equal(keys.Any(key => text.Contains(key, StringComparison.OrdinalIgnoreCase)), expected); // the oracle itself
            holding += expected ? 1 : 0;
            compared++;
        }

        Assert.InRange(holding, compared / 10, compared - (compared / 10)); // both answers are met often
    }

    [Fact]
    public void HoldsKey_KeyShorterThanTwoChars_SearchAlone()
    {
        var compiled = RedirectorPatternSet.For([@"^http://x/(.*)$", @"[?&]u=(.*)$"], Timeout.InfiniteTimeSpan);
        Assert.True(compiled.HoldsKey("/a?u=b"));
        Assert.False(compiled.HoldsKey("/a?v=b"));
    }

    private static IEnumerable<string> Texts(string[] keys, Random random)
    {
        const string Filler = "/c/3.png?utm=mail&id=7#x-_.:;ıſKé\u212A";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 34);
            var chars = new char[length];
            for (var at = 0; at < length; at++)
            {
                chars[at] = Filler[random.Next(Filler.Length)];
            }

            if (length > 0 && random.Next(3) > 0)
            {
                // A key or the start of one, in mixed case, somewhere (it may run past the end and be cut).
                var key = keys[random.Next(keys.Length)];
                var start = random.Next(length);
                var take = Math.Min(random.Next(2) == 0 ? key.Length : random.Next(1, key.Length + 1), length - start);
                for (var k = 0; k < take; k++)
                {
                    chars[start + k] = random.Next(2) == 0 ? char.ToUpperInvariant(key[k]) : key[k];
                }
            }

            yield return new string(chars);
        }
    }
}
