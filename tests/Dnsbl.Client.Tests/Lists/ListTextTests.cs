using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class ListTextTests
{
    [Theory]
    [InlineData("see https://bl.example/q?ip=127.0.0.2", "see https://bl.example/q?ip=127.0.0.2")]
    [InlineData("a\r\nMAIL FROM:<x>", "a??MAIL FROM:<x>")]
    [InlineData("nul\0del\u007fc1\u0085", "nul?del?c1?")]
    [InlineData("rtl\u202Eoverride\u200Bzero", "rtl?override?zero")]
    [InlineData("line\u2028para\u2029", "line?para?")]
    [InlineData("Bücher – 日本", "Bücher – 日本")]
    public void Sanitize_Text_ReplacesEveryControlAndFormatCharacter(string text, string expected)
    {
        Assert.Equal(expected, ListText.Sanitize(text));
    }

    [Fact]
    public void Sanitize_CleanText_ReturnsTheSameInstance()
    {
        const string Clean = "listed";

        Assert.Same(Clean, ListText.Sanitize(Clean));
    }
}
