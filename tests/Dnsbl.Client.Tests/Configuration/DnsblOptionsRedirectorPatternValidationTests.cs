using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>A bad Message.RedirectorPatterns entry fails at startup, every one named, not at the first message check.</summary>
public sealed class DnsblOptionsRedirectorPatternValidationTests
{
    [Fact]
    public void Validate_BadRedirectorPatterns_EachNamedWithItsIndex()
    {
        var options = new DnsblOptions
        {
            Lists = [new DnsList("uri.example.net", DnsListKind.UriBlockList)],
            Message = new MessageOptions { RedirectorPatterns = [@"^http://ok\.example/(.*)", "(unclosed", "^no-group$"] },
        };

        var errors = DnsblOptionsValidation.Validate(options);

        Assert.Contains(errors, e => e.StartsWith("Message.RedirectorPatterns[1]: the redirector pattern '(unclosed' is not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Message.RedirectorPatterns[2]: the redirector pattern '^no-group$' has no group 1", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("RedirectorPatterns[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShippedRedirectorPatterns_AreValid()
        => Assert.DoesNotContain(DnsblOptionsValidation.Validate(new DnsblOptions { Lists = [new DnsList("uri.example.net", DnsListKind.UriBlockList)] }),
            e => e.Contains("RedirectorPatterns", StringComparison.Ordinal));
}
