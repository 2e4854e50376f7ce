using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class RelaySelectorTests
{
    private static RelaySelector Selector(MessageContext context, MessageOptions options)
        => new(context, options, ReceivedHeaderParser.ParseAll(context.ReceivedHeaders, []));

    private static readonly MessageOptions CorpTrusted = new()
    {
        TrustedNetworks = [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("81.2.69.0/24")],
    };

    [Fact]
    public void Select_NoSessionAddress_NewestHopIsConnectingClient()
    {
        var context = MessageContext.Parse(Corpus.Text("malformed-received.eml"));
        var hop = Assert.Single(Selector(context, new MessageOptions()).Select(RelaySelection.ConnectingClient));
        Assert.Equal(IPAddress.Parse("81.2.69.142"), hop.Address);
        Assert.Equal(MessageKeySource.ConnectingClient, hop.Source);
    }

    [Fact]
    public void Select_LastExternal_SkipsTrustedAndPrivateHops()
    {
        var context = MessageContext.Parse(Corpus.Text("trusted-relays.eml"));
        var options = new MessageOptions { TrustedNetworks = [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.0.0/16")] };
        var hop = Assert.Single(Selector(context, options).Select(RelaySelection.LastExternal));
        Assert.Equal(IPAddress.Parse("81.2.69.160"), hop.Address);
        Assert.Equal(MessageKeySource.Relay, hop.Source);
    }

    [Fact]
    public void Select_AllUntrusted_ReturnsPublicHopsBelowBoundary()
    {
        var context = MessageContext.Parse(Corpus.Text("trusted-relays.eml"));
        var hops = Selector(context, new MessageOptions()).Select(RelaySelection.AllUntrusted);
        Assert.Equal(["81.2.69.160", "89.160.20.112"], hops.Select(hop => hop.Address.ToString()));
    }

    [Fact]
    public void Select_NotFirstHop_DropsOriginalSubmitter()
    {
        var context = MessageContext.Parse(Corpus.Text("trusted-relays.eml"));
        var hops = Selector(context, new MessageOptions()).Select(RelaySelection.NotFirstHop);
        Assert.Equal(["81.2.69.160"], hops.Select(hop => hop.Address.ToString()));
    }

    [Fact]
    public void Select_NotFirstHopWithSingleUntrustedHop_KeepsIt()
    {
        var context = new MessageContext { ConnectingAddress = IPAddress.Parse("175.45.176.3") };
        var hop = Assert.Single(Selector(context, new MessageOptions()).Select(RelaySelection.NotFirstHop));
        Assert.Equal(IPAddress.Parse("175.45.176.3"), hop.Address);
    }

    [Fact]
    public void Select_TrustedForwarder_LastExternalIsBelowIt()
    {
        var context = MessageContext.Parse(Corpus.Text("trusted-relays.eml"));
        var hop = Assert.Single(Selector(context, CorpTrusted).Select(RelaySelection.LastExternal));
        Assert.Equal(IPAddress.Parse("89.160.20.112"), hop.Address);
    }

    [Fact]
    public void Select_SessionAddressRepeatedInTopHeader_IsNotCountedTwice()
    {
        var context = new MessageContext
        {
            ConnectingAddress = IPAddress.Parse("81.2.69.142"),
            ReceivedHeaders = ["from good.sender.com (good.sender.com [81.2.69.142]) by mx.local.test", "from a (a [175.45.176.3]) by good.sender.com"],
        };
        var hops = Selector(context, new MessageOptions()).Hops;
        Assert.Equal(["81.2.69.142", "175.45.176.3"], hops.Select(hop => hop.Address.ToString()));
        Assert.Equal(MessageKeySource.ConnectingClient, hops[0].Source);
    }

    [Fact]
    public void Select_PrivateConnectingClient_ReturnsNothing()
    {
        var context = new MessageContext { ConnectingAddress = IPAddress.Parse("192.168.1.1") };
        Assert.Empty(Selector(context, new MessageOptions()).Select(RelaySelection.ConnectingClient));
    }

    [Fact]
    public void Select_Ipv6Chain_ReturnsIpv6Relays()
    {
        var context = MessageContext.Parse(Corpus.Text("ipv6-received.eml"));
        var hops = Selector(context, new MessageOptions()).Select(RelaySelection.AllUntrusted);
        Assert.Equal([IPAddress.Parse("2a00:1450:4864:20::42b"), IPAddress.Parse("2a01:4f8:c17:1::1")], hops.Select(hop => hop.Address));
    }

    [Fact]
    public void Select_ReservedBenchmarkAddress_IsNeverReturned()
    {
        var context = MessageContext.Parse(Corpus.Text("obfuscated-links.eml"));
        Assert.Empty(Selector(context, new MessageOptions()).Select(RelaySelection.AllUntrusted));
    }
}
