using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class DomainNameTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example")]
    [InlineData("mail.bücher.example.", "mail.xn--bcher-kva.example")]
    [InlineData("例え。テスト", "xn--r8jz45g.xn--zckzah")]
    [InlineData("_dmarc.example.org", "_dmarc.example.org")]
    [InlineData("a-b.c_d.e1", "a-b.c_d.e1")]
    [InlineData("localhost", "localhost")]
    public void TryNormalize_ValidName_ReturnsNormalisedForm(string input, string expected)
    {
        Assert.True(DomainName.TryNormalize(input, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
        Assert.Equal(expected, DomainName.Normalize(input));
    }

    [Fact]
    public void TryNormalize_AlreadyNormalised_ReturnsTheSameInstance()
    {
        var input = "zen.example.org";
        Assert.True(DomainName.TryNormalize(input, out var normalized, out _));
        Assert.Same(input, normalized);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(".", "root")]
    [InlineData("a..b", "label 2 is empty")]
    [InlineData(".a", "label 1 is empty")]
    [InlineData("a.b..", "label 3 is empty")]
    [InlineData("a b.example", "white space at position 1")]
    [InlineData("a.example ", "white space at position 9")]
    [InlineData("a\u0007b.example", "control character U+0007 at position 1")]
    [InlineData("a\nb", "control character U+000A")]
    [InlineData("*.example", "wildcard '*' at position 0")]
    [InlineData("a!b.example", "label 1 ('a!b') contains '!'")]
    [InlineData("a\\.b.example", "contains '\\'")]
    [InlineData("-a.example", "label 1 ('-a') starts or ends with '-'")]
    [InlineData("a-.example", "starts or ends with '-'")]
    [InlineData("a/b", "contains '/'")]
    public void TryNormalize_InvalidName_SaysWhy(string input, string expectedFragment)
    {
        Assert.False(DomainName.TryNormalize(input, out var normalized, out var error));
        Assert.Null(normalized);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
        var exception = Assert.Throws<ArgumentException>(() => DomainName.Normalize(input));
        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_Null_IsEmptyError() =>
        Assert.False(DomainName.TryNormalize(null, out _, out _));

    [Fact]
    public void TryNormalize_LabelOf63Octets_IsAccepted()
    {
        var name = new string('a', 63) + ".example";
        Assert.True(DomainName.TryNormalize(name, out var normalized, out _));
        Assert.Equal(name, normalized);
    }

    [Fact]
    public void TryNormalize_LabelOf64Octets_IsRejected()
    {
        Assert.False(DomainName.TryNormalize(new string('a', 64) + ".example", out _, out var error));
        Assert.Equal("label 1 is 64 octets; the limit is 63", error);
    }

    [Fact]
    public void TryNormalize_UpperCaseLabelOf64Octets_IsRejected() =>
        Assert.False(DomainName.TryNormalize("x." + new string('A', 64), out _, out _));

    [Fact]
    public void TryNormalize_NameOf253Characters_IsAccepted()
    {
        var name = Name(253);
        Assert.Equal(253, name.Length);
        Assert.True(DomainName.TryNormalize(name, out _, out var error), error);
        Assert.True(DomainName.TryNormalize(name + ".", out var withoutDot, out _));
        Assert.Equal(name, withoutDot);
    }

    [Fact]
    public void TryNormalize_NameOf254Characters_IsRejected()
    {
        var name = Name(254);
        Assert.False(DomainName.TryNormalize(name, out _, out var error));
        Assert.Equal("the name is 254 characters; the limit is 253", error);
        Assert.False(DomainName.TryNormalize(name.ToUpperInvariant(), out _, out _));
    }

    [Fact]
    public void NormalizeZone_InvalidZone_ThrowsArgumentExceptionNamingTheZone()
    {
        var exception = Assert.Throws<ArgumentException>(() => DomainName.NormalizeZone("zen..example"));
        Assert.Equal("zone", exception.ParamName);
        Assert.Contains("Invalid zone \"zen..example\": label 2 is empty", exception.Message, StringComparison.Ordinal);
        Assert.Equal("zen.example", DomainName.NormalizeZone("ZEN.example."));
    }

    [Fact]
    public void DnsList_Constructor_NormalisesTheZone() =>
        Assert.Equal("xn--bcher-kva.example", new DnsList("Bücher.Example.").Zone);

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("Example.com", false)]
    [InlineData("example.com.", false)]
    [InlineData("a..b", false)]
    [InlineData("-a.b", false)]
    [InlineData("", false)]
    public void IsNormalized_Span_AgreesWithTheRules(string input, bool expected) =>
        Assert.Equal(expected, DomainName.IsNormalized(input));

    // Labels of 63 'a' joined by dots, cut to the exact length (never ending on a dot).
    private static string Name(int length)
    {
        var labels = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));
        var name = labels[..length];
        return name.EndsWith('.') ? name[..^1] + "b" : name;
    }
}
