using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class DnsblOptionsUriLookupValidationTests
{
    [Theory]
    [InlineData(UriLookupVia.None)]
    [InlineData((UriLookupVia)16)]
    public void Validate_UriLookupAsksNothingKnown_IsAnError(UriLookupVia via)
    {
        var options = new DnsblOptions { Lists = [new DnsList("zen.example.net", DnsListKind.UriBlockList) { UriLookup = via }] };

        Assert.Contains($"Lists[0].UriLookup ({via}) must name at least one of LinkName, HostAddresses, NameServerAddresses, NameServerNames.", DnsblOptionsValidation.Validate(options));
    }

    [Fact]
    public void Validate_HostAndNameServerAddresses_IsValid()
    {
        var options = new DnsblOptions { Lists = [new DnsList("zen.example.net", DnsListKind.UriBlockList) { UriLookup = UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses }] };

        Assert.DoesNotContain(DnsblOptionsValidation.Validate(options), e => e.Contains("UriLookup", StringComparison.Ordinal));
    }
}
