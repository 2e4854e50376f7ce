using System.Net.Sockets;
using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Tests.Dns.Transport;

[Collection(ProcessWideCountTests.Name)]
public sealed class DnsUdpSocketLifetimeTests
{
    [Fact]
    public async Task Constructor_FailsAfterTheSocketIsOpen_LeavesNoDescriptorOpen()
    {
        var failing = new TimerlessTimeProvider();
        await using var receiver = new DnsUdpReceiver();
        int before = OpenDescriptors();

        for (int i = 0; i < 200; i++)
        {
            Assert.Throws<InvalidOperationException>(() => new DnsUdpSocket(AddressFamily.InterNetwork, failing, new DnsTransportStatistics(), 10, TimeSpan.FromSeconds(60), receiver));
        }

        // Without the clean-up each failed constructor left its socket open: 200 more descriptors.
        Assert.InRange(OpenDescriptors() - before, int.MinValue, 20);
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;

    /// <summary>A clock that cannot make timers: the socket constructor fails after it has opened and bound its socket.</summary>
    private sealed class TimerlessTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            throw new InvalidOperationException("no timers here");
    }
}
