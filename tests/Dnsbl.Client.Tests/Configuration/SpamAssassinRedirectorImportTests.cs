using Dnsbl.Client.Configuration;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>redirector_pattern lines imported as MessageOptions.RedirectorPatterns; a bad one reported, never thrown (issue 15).</summary>
public sealed class SpamAssassinRedirectorImportTests
{
    private static DnsblImportResult Import(string text) => SpamAssassinImporter.Import(("local.cf", text));

    [Fact]
    public void Import_RedirectorPatternLines_InFileOrderAsDotNetPatterns()
    {
        var result = Import("""
            redirector_pattern /^https?:\/\/r\.example\.net\/go\?u=(.*)$/i
            redirector_pattern   m'^http://t\.example\.org/(?:a|b)/(.*?)(?:$|[&\#])'   # a comment after it
            """);

        Assert.Equal([@"(?i)^https?:\/\/r\.example\.net\/go\?u=(.*)$", @"^http://t\.example\.org/(?:a|b)/(.*?)(?:$|[&\#])"], result.MessageOptions!.RedirectorPatterns);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Import_NoRedirectorPatternLine_KeepsTheShippedSet()
        => Assert.Same(MessageConstants.DefaultRedirectorPatterns, Import("uridnsbl_max_domains 5").MessageOptions!.RedirectorPatterns);

    [Theory]
    [InlineData("redirector_pattern", "needs a pattern")]
    [InlineData("redirector_pattern ^http://x/(.*)$", "missing regexp delimiters")]
    [InlineData(@"redirector_pattern /^http://x/(.*)$/", "unquoted delimiter '/'")]
    [InlineData(@"redirector_pattern /^http:\/\/x\/(.*)$/e", "invalid end delimiter or modifiers")]
    [InlineData(@"redirector_pattern /^http:\/\/x\/(a++)$/", "not a valid regular expression")]
    [InlineData(@"redirector_pattern /^http:\/\/x\/(?:.*)$/", "has no group 1")]
    public void Import_BadRedirectorPattern_ReportedWithLineAndLeftOut(string line, string reason)
    {
        var result = Import("redirector_pattern /^http:\\/\\/good\\.example\\/(.*)$/\n" + line);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal([@"^http:\/\/good\.example\/(.*)$"], result.MessageOptions!.RedirectorPatterns);
    }

    [Fact]
    public void Import_CatastrophicPattern_ImportedAndTimesOutInsteadOfHanging()
    {
        var result = Import(@"redirector_pattern /^http:\/\/r\.example\.net\/((a|aa)+)+\.b$/");
        var patterns = RedirectorPatternSet.For(result.MessageOptions!.RedirectorPatterns);

        Assert.Null(patterns.TargetOf("http://r.example.net/" + new string('a', 60) + "!.b", out var timedOut));
        Assert.Equal(1, timedOut);
    }
}
