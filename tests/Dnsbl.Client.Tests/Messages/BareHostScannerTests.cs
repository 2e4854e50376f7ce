using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="BareHostScanner"/> against the regex it replaced (the oracle, kept only here): the same hosts at the same
/// places, in the same order, on generated and real-shaped texts.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class BareHostScannerTests
{
    internal static readonly Regex Oracle = new(
        @"(?<=^|[!""#$&'()*+,/:;<=>?@\[\\\]^`{|}~\s\x1b\xa0])(?:[\p{L}\p{N}](?:[\p{L}\p{N}_\-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9\-]{1,59})(?=$|[\s<>""`}\]{\[|\x1b\xa0:/.,;!?)'])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "shop.example.com", "a.b", "a.bc", "A.BC", "x.y.z.", "foo.bar.1x", "foo.b-r.c0m", "Main.pm", "bücher.de", "xn--bcher-kva.de",
        "XN--BCHER-KVA.DE", "a.xn--p1ai", "a.xn--", "a.xn--\u212Aa", "\u212A.de", "訪問example.com", "例え.テスト", "ß.de", "-a-.com",
        "a-.com", "_u_.net", "a_b.net", "\u001b", "\u00a0", "end.com.", "a.", ".b", "..", ".", "1.2.3.4", "x1.23", "²³.de", "Ⅻ.de",
        new string('a', 63) + ".com", new string('b', 64) + ".com", "a." + new string('c', 63), "a." + new string('d', 64),
        "a.xn--" + new string('e', 59), "a.xn--" + new string('f', 60), "(", ")", "@", "/", ":", ",", "!", "?", "'", "\"", "<", ">",
        "[", "]", "{", "}", "|", "`", "~", "^", "=", "#", "$", "&", "*", "+", ";", "\\", "-", "_", "é", "\u0301", "\u200d",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.com", "host.c\u0301om", "word",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryFind_GeneratedTexts_SameMatchesAsTheRegex(int seed)
        => ScannerOracleTexts.AssertSameOnGenerated(Oracle, BareHostScanner.TryFind, Fragments, seed);

    [Fact]
    public void TryFind_CorpusBodies_SameMatchesAsTheRegex()
    {
        var compared = ScannerOracleTexts.AssertSameOnCorpus(Oracle, BareHostScanner.TryFind);
        Assert.True(compared > 100, $"only {compared} hosts in the corpus bodies");
    }

    [Theory]
    [InlineData("see shop.example.com/x now", "shop.example.com")]
    [InlineData("end www.example.org.", "www.example.org")]
    [InlineData("(a.b.cc.x1)", "a.b.cc")]
    [InlineData("<a.xn--p1ai>", "a.xn--p1ai")]
    public void TryFind_Host_IsFound(string text, string host)
    {
        Assert.True(BareHostScanner.TryFind(text, 0, out var start, out var length));
        Assert.Equal(host, text.Substring(start, length));
    }

    [Theory]
    [InlineData("foo.c0m")]
    [InlineData("x_.com")]
    [InlineData("-a.com")]
    [InlineData("a.comx1")]
    public void TryFind_NotAHost_IsNotFound(string text) => Assert.False(BareHostScanner.TryFind(text, 0, out _, out _));

    [Fact]
    public void IsBefore_EveryChar_LookbehindSetOrWhiteSpace()
    {
        const string before = "!\"#$&'()*+,/:;<=>?@[\\]^`{|}~\x1b\xa0";
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(before.Contains((char)c, StringComparison.Ordinal) || char.IsWhiteSpace((char)c), BareHostScanner.IsBefore((char)c));
        }
    }
}
