using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The vendor markers of a Received header are found by one multi-text search that visits every place a marker starts;
/// the vendor rules then take the first present in rule order. Each marker must be seen wherever it stands, beside and
/// overlapping others, as a search per marker (the oracle here: string.Contains) sees it.
/// </summary>
public sealed class ReceivedVendorMarkerTests
{
    [Fact]
    public void VendorMarkersIn_GeneratedHeaders_SameAsOneSearchPerMarker()
    {
        var markers = ReceivedHeaderParser.VendorMarkerList;
        string[] fillers = ["from a (b [1.2.3.4]) by c", " ", "Exi", "(Postfix) with", " with mapi id", "SMTPSVC", "x", ""];
        var random = new Random(23);
        for (var round = 0; round < 20_000; round++)
        {
            var pieces = new List<string>();
            for (var piece = random.Next(1, 6); piece > 0; piece--)
            {
                pieces.Add(random.Next(3) == 0 ? markers[random.Next(markers.Length)] : fillers[random.Next(fillers.Length)]);
            }

            var header = string.Concat(pieces);
            var expected = 0;
            for (var marker = 0; marker < markers.Length; marker++)
            {
                if (header.Contains(markers[marker], StringComparison.Ordinal))
                {
                    expected |= 1 << marker;
                }
            }

            Assert.Equal(expected, ReceivedHeaderParser.VendorMarkersIn(header));
        }
    }

    [Fact]
    public void VendorMarkersIn_EximBeforePostfix_BothPresent()
    {
        const string Header = "from a ([1.2.3.4]) by b (Postfix) with Exim (Postfix) with ESMTP id 1";
        var markers = ReceivedHeaderParser.VendorMarkerList;
        var present = ReceivedHeaderParser.VendorMarkersIn(Header);

        Assert.NotEqual(0, present & (1 << Array.IndexOf(markers, "Exim")));
        Assert.NotEqual(0, present & (1 << Array.IndexOf(markers, " (Postfix) with")));
    }
}
