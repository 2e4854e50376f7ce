using Dnsbl.Client.Health;

namespace Dnsbl.Client.Tests.Health;

public sealed class HistoryRingTests
{
    [Fact]
    public void Add_FewerThanCapacity_KeepsAllInOrder()
    {
        var ring = new HistoryRing<int>(4);

        ring.Add(1);
        ring.Add(2);

        Assert.Equal([1, 2], ring.ToArray());
    }

    [Fact]
    public void Add_PastCapacity_NeverGrowsAndKeepsTheNewestOldestFirst()
    {
        var ring = new HistoryRing<int>(4);

        for (var i = 1; i <= 11; i++)
        {
            ring.Add(i);
            Assert.True(ring.Count <= ring.Capacity);
        }

        Assert.Equal([8, 9, 10, 11], ring.ToArray());
    }
}
