using Dnsbl.Cli.Commands;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Cli;

public sealed class CheckInputTests
{
    [Theory]
    [InlineData("300.1.2.3", "300 is above 255")]
    [InlineData("1.2.3", "3 parts where an IPv4 address has 4")]
    [InlineData("1.2.3.4.5", "5 parts where an IPv4 address has 4")]
    [InlineData("1..2.3", "an empty part")]
    [InlineData("010.1.2.3", "leading zero")]
    public void Parse_Ipv4LookAlike_IsAProblemNotADomain(string text, string reason)
    {
        var input = CheckInput.Parse(text);

        Assert.Null(input.Address);
        Assert.StartsWith("looks like an IPv4 address but is not one: ", input.Problem, StringComparison.Ordinal);
        Assert.Contains(reason, input.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("mail.example.com", false)]
    [InlineData("1.2.3.example", false)]
    public void Parse_AddressOrDomain_HasNoProblem(string text, bool isAddress)
    {
        var input = CheckInput.Parse(text);

        Assert.Null(input.Problem);
        Assert.Equal(isAddress, input.IsAddress);
    }

    [Theory]
    [InlineData("2001:db8::zz", "not an IPv6 address")]
    [InlineData("localhost", "a domain holds at least one dot")]
    [InlineData("two words.example", "no spaces")]
    public void Parse_NeitherAddressNorDomain_IsAProblem(string text, string reason)
    {
        Assert.Contains(reason, CheckInput.Parse(text).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnjudgedBy_AddressWithDomainListsOnly_NamesTheMissingIpList()
    {
        DnsList[] lists = [new DnsList("dbl.example", DnsListKind.DomainBlockList)];

        Assert.Contains("no ip: list is configured", CheckInput.Parse("192.0.2.1").UnjudgedBy(lists), StringComparison.Ordinal);
        Assert.Null(CheckInput.Parse("mail.example.com").UnjudgedBy(lists));
    }

    [Fact]
    public void UnjudgedBy_DomainWithIpListsOnly_NamesTheMissingDomainList()
    {
        DnsList[] lists = [new DnsList("bl.example", DnsListKind.IpBlockList), new DnsList("wl.example", DnsListKind.IpAllowList)];

        Assert.Contains("no domain: or uri: list is configured", CheckInput.Parse("mail.example.com").UnjudgedBy(lists), StringComparison.Ordinal);
        Assert.Null(CheckInput.Parse("2001:db8::1").UnjudgedBy(lists));
    }

    [Fact]
    public void Parse_FileLines_KeepsProblemLinesWithTheirPlace()
    {
        var inputs = CheckInputFile.Parse("in.txt", "# header\n192.0.2.1\n\n300.1.2.3  # typo\nmail.example.com\r\n");

        Assert.Equal(["in.txt:2", "in.txt:4", "in.txt:5"], inputs.Select(i => i.Where));
        Assert.Equal([false, true, false], inputs.Select(i => i.Problem is not null));
    }
}
