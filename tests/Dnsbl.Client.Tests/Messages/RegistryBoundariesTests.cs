using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="RegistryBoundaries"/> cuts host names where SpamAssassin's <c>split_domain</c> cuts them (its shipped
/// util_rb_2tld/util_rb_3tld sets and the RFC 1480 .us rules), which differs from the Public Suffix List's private section.
/// </summary>
public sealed class RegistryBoundariesTests
{
    [Theory]
    [InlineData("www.foo.com", "foo.com")]
    [InlineData("www.foo.co.uk", "foo.co.uk")]
    [InlineData("x.y.blogspot.com", "y.blogspot.com")]
    [InlineData("vyifgvigvoyg84684.sells-it.net", "sells-it.net")]
    [InlineData("pub-c2c1d9230f0b4abb9b0d2d95e06fd4ef.r2.dev", "r2.dev")]
    [InlineData("www.city.ca.us", "www.city.ca.us")]
    [InlineData("a.school.pvt.k12.ma.us", "school.pvt.k12.ma.us")]
    [InlineData("fire-dept.ci.los-angeles.ca.us", "fire-dept.ci.los-angeles.ca.us")]
    [InlineData("foo.com", "foo.com")]
    [InlineData("blogspot.com", "blogspot.com")]
    public void RegisteredDomain_Host_CutAsSpamAssassinCutsIt(string host, string expected)
        => Assert.Equal(expected, RegistryBoundaries.Embedded.RegisteredDomain(host));

    [Fact]
    public void RegisteredDomain_SingleLabel_IsNull()
        => Assert.Null(RegistryBoundaries.Embedded.RegisteredDomain("localhost"));

    [Theory]
    [InlineData("vyifgvigvoyg84684.sells-it.net", "vyifgvigvoyg84684.sells-it.net", "sells-it.net")]
    [InlineData("x.y.blogspot.com", "y.blogspot.com", "y.blogspot.com")]
    [InlineData("a.b.example.co.uk", "example.co.uk", "example.co.uk")]
    public void InForm_RegistryBoundariesAgainstPublicSuffixList_DifferOnlyOnPrivateSuffixes(string host, string publicSuffixList, string registryBoundaries)
    {
        Assert.Equal(publicSuffixList, ListDomainKey.InForm(host, DomainQueryForm.RegisteredDomain, PublicSuffixList.Embedded));
        Assert.Equal(registryBoundaries, ListDomainKey.InForm(host, DomainQueryForm.RegistryBoundaries, PublicSuffixList.Embedded));
    }
}
