using System.Text;
using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="ReceivedHeaderParser.WithoutTrailingDate"/> against the date pattern it replaced (the oracle, kept only
/// here), on every recorded header as the parser sees it and on generated endings built from date-like words.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class ReceivedTrailingDateTests
{
    private static readonly Regex Oracle = new(
        @"[\s;]+(?:(?:Mon|T(?:ue|hu)|Wed|Fri|S(?:at|un)), )?\d+ (?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec) \d+ \d+:\d+(?::\d+)? \S+$");

    private static readonly string[] Words =
    [
        "Mon,", "Tue,", "Sun,", "Xyz,", "Mon", ",", "2", "02", "31", "\u0662", "\u0661\u0662", "Jan", "jan", "Janu", "Dec", "May", "2026", "06",
        "10:00:02", "10:00", "1:2:3:4", "10:", ":00", "10:\u0660\u0660", "+0000", "-0800", "(UTC)", ";", ";;", "by", "x;2", "Mon,2", ";Mon,",
        "a", "mx.local.test;", "x;Tue,", "id", "2;", "(PST)",
    ];

    [Fact]
    public void WithoutTrailingDate_RecordedHeaders_SameAsThePattern()
    {
        var compared = 0;
        foreach (var header in ReceivedGoldenTests.RecordedHeaders())
        {
            var text = ReceivedHeaderParser.CollapseWhiteSpace(header).Trim().TrimEnd(';', ' ');
            Assert.Equal(Oracle.Replace(text, ""), ReceivedHeaderParser.WithoutTrailingDate(text));
            compared++;
        }

        Assert.True(compared > 1000, $"only {compared} headers");
    }

    [Fact]
    public void WithoutTrailingDate_GeneratedEndings_SameAsThePattern()
    {
        var random = new Random(15);
        var removed = 0;
        for (var i = 0; i < 100_000; i++)
        {
            // A date's slots, each usually right and now and then another word, left out, or joined by ';' or ", ".
            var text = new StringBuilder("from a (b [1.2.3.4]) by c");
            foreach (var slot in (string[])[";", "Mon,", "2", "Jan", "2026", "10:00:02", "+0000", "(UTC)"])
            {
                var roll = random.Next(12);
                var word = roll switch { 0 => Words[random.Next(Words.Length)], 1 => null, _ => slot };
                if (word is not null)
                {
                    text.Append(roll == 2 ? ";" : roll == 3 ? ", " : " ").Append(word);
                }
            }

            var input = text.ToString();
            var expected = Oracle.Replace(input, "");
            Assert.Equal(expected, ReceivedHeaderParser.WithoutTrailingDate(input));
            removed += expected.Length < input.Length ? 1 : 0;
        }

        Assert.True(removed > 1000, $"only {removed} generated endings held a date");
    }
}
