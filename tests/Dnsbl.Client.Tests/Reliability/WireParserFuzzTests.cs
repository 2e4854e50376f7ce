using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Tests.Dns.Protocol;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// One million mutated packets through the wire parser: it returns a message or a typed <see cref="DnsParseError"/>,
/// never throws, and what it allocates per packet is bounded by the packet's size (no amplification by pointers).
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class WireParserFuzzTests
{
    private const int Seed = 8_008_135;
    private const int Packets = 1_000_000;

    // A 255-octet name costs ~550 bytes as a string; a record needs at least 11 octets (a 2-octet pointer owner and
    // the fixed fields), so even the worst packet stays within 64 bytes per octet, plus the message's fixed objects.
    private const int BytesPerOctet = 64;
    private const int FixedAllowance = 4096;

    [Fact]
    public void TryParse_OneMillionMutations_TypedResultAndBoundedAllocation()
    {
        byte[][] corpus = [.. DnsMessageFuzzTests.Corpus(), .. HostileSeeds()];
        var random = new Random(Seed);
        var errors = new HashSet<DnsParseError>();
        long accepted = 0;
        long worstAllocation = 0;
        var worstPacket = Array.Empty<byte>();

        for (var i = 0; i < Packets; i++)
        {
            var packet = DnsMessageFuzzTests.Mutate(corpus[random.Next(corpus.Length)], corpus[random.Next(corpus.Length)], random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            bool parsed;
            DnsParseError error;
            try
            {
                parsed = DnsMessage.TryParse(packet, out _, out error);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"packet {i} threw {exception.GetType().Name}: {Convert.ToHexString(packet)}");
                throw;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated - ((long)BytesPerOctet * packet.Length) > worstAllocation - ((long)BytesPerOctet * worstPacket.Length))
            {
                worstAllocation = allocated;
                worstPacket = packet;
            }

            if (parsed)
            {
                accepted++;
            }
            else
            {
                errors.Add(error);
            }
        }

        Assert.True(
            worstAllocation <= FixedAllowance + ((long)BytesPerOctet * worstPacket.Length),
            $"{worstAllocation} bytes allocated for a {worstPacket.Length}-octet packet: {Convert.ToHexString(worstPacket)}");
        Assert.InRange(accepted, 1, Packets - 1);
        Assert.True(errors.Count >= 5, $"only {string.Join(", ", errors)} were reached");
    }

    /// <summary>Seeds that already break one rule, so mutations explore the corners around pointers and counts.</summary>
    private static IEnumerable<byte[]> HostileSeeds()
    {
        const ushort id = 0x1234;
        yield return HostilePackets.Response(id, FaultMatrixTests.Name, 2)
            .Cname(FaultMatrixTests.Name, "a.bl.test").NamedA("a.bl.test", [127, 0, 0, 2]).ToArray();
        var loop = HostilePackets.Response(id, FaultMatrixTests.Name, 1);
        yield return loop.UInt16((ushort)(0xC000 | loop.Position)).UInt16(1).UInt16(1).UInt32(0).UInt16(4).Raw([127, 0, 0, 2]).ToArray();
        var many = HostilePackets.Response(id, FaultMatrixTests.Name, 40);
        for (var i = 0; i < 40; i++)
        {
            many.A([127, 0, 0, (byte)i], ttl: 0x8000_0000);
        }

        yield return many.ToArray();
    }
}
