using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>SpamAssassin's regex literals (compile_regexp's delimiter and modifier rules) as .NET patterns.</summary>
public sealed class PerlRegexLiteralTests
{
    [Theory]
    [InlineData(@"/^http:\/\/chkpt\.zdnet\.com\/(.*)$/i", @"(?i)^http:\/\/chkpt\.zdnet\.com\/(.*)$")]
    [InlineData(@"m'^https?:/*(?:\w+\.)?aol\.com/redir\.adp\?.*(?<=[?&])_url=(.*?)(?:$|[&\#])'i", @"(?i)^https?:/*(?:\w+\.)?aol\.com/redir\.adp\?.*(?<=[?&])_url=(.*?)(?:$|[&\#])")]
    [InlineData(@"m{^http://r\.example/(.*)}", @"^http://r\.example/(.*)")]
    [InlineData(@"m!a/(b)!is", @"(?is)a/(b)")]
    [InlineData(@"qr<x(y)>o", @"x(y)")]
    public void ToPattern_SpamAssassinLiteral_DotNetPatternWithInlineModifiers(string literal, string pattern)
    {
        Assert.Equal(pattern, PerlRegexLiteral.ToPattern(literal, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("^http://no-delimiters/(.*)", "missing regexp delimiters")]
    [InlineData(@"/a/(b)/i", "unquoted delimiter '/'")]
    [InlineData(@"/a(b)", "no closing delimiter")]
    [InlineData(@"/a(b)/e", "invalid end delimiter or modifiers")]
    [InlineData(@"m\a(b)\", "backslash")]
    [InlineData(@"/a(?{ system('x') })(b)/", "embedded code")]
    [InlineData(@"/a(b)/n", "the modifier 'n' is not supported")]
    public void ToPattern_InvalidLiteral_NullWithTheReason(string literal, string reason)
    {
        Assert.Null(PerlRegexLiteral.ToPattern(literal, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPattern_EveryShippedLine_IsValidWithGroupOne()
        => Assert.All(MessageConstants.DefaultRedirectorPatterns, pattern => Assert.Null(RedirectorPatternSet.Problem(pattern)));
}
