using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class DnsblOptionsBodyPatternValidationTests
{
    [Fact]
    public void Validate_BodyPatternOnAUriList_IsAnError()
    {
        var options = new DnsblOptions { Lists = [new DnsList("uri.example.net", DnsListKind.UriBlockList) { BodyPattern = "(x)" }] };

        Assert.Contains("Lists[0].BodyPattern is set on a UriBlockList; only domain lists are asked body words.", DnsblOptionsValidation.Validate(options));
    }

    [Fact]
    public void Validate_BodyPatternOnADomainList_IsValid()
    {
        var options = new DnsblOptions { Lists = [new DnsList("btc.example.net", DnsListKind.DomainBlockList) { BodyPattern = "(x)" }] };

        Assert.DoesNotContain(DnsblOptionsValidation.Validate(options), e => e.Contains("BodyPattern", StringComparison.Ordinal));
    }
}
