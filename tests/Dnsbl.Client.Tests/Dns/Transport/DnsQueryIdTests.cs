using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Tests.Dns.Transport;

public sealed class DnsQueryIdTests
{
    [Fact]
    public void Next_TenThousandIdsAcrossManyBlocks_AsManyDistinctAsUniformRandomIdsGive()
    {
        // 10,000 uniform draws from 65,536 values give ~9,280 distinct ones; a block reused or left unfilled gives far fewer.
        var ids = Enumerable.Range(0, 10_000).Select(_ => DnsQueryId.Next()).ToArray();

        Assert.InRange(ids.Distinct().Count(), 9_000, 10_000);
        Assert.InRange(ids.Count(id => id >= 0x8000), 4_500, 5_500);
    }

    [Fact]
    public async Task Next_OnTwoThreads_DrawsDifferentSequences()
    {
        var first = await Task.Run(() => Enumerable.Range(0, 256).Select(_ => DnsQueryId.Next()).ToArray());
        var second = await Task.Factory.StartNew(() => Enumerable.Range(0, 256).Select(_ => DnsQueryId.Next()).ToArray(), TaskCreationOptions.LongRunning);

        Assert.NotEqual(first, second);
    }
}
