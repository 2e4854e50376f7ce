using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

/// <summary>
/// Mutated messages read name by name with <see cref="DnsMessageReader"/> and with <see cref="ReferenceNameReader"/>
/// (the reader before it read into a stack buffer and reused strings): every outcome must be the same.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class DnsNameReadingDifferentialTests
{
    private const int Seed = 20_260_202;
    private const int Iterations = 50_000;

    [Fact]
    public void TryReadName_MutatedMessages_AgreesWithReferenceReader()
    {
        byte[][] corpus = DnsMessageFuzzTests.Corpus();
        var random = new Random(Seed);
        int namesRead = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] packet = DnsMessageFuzzTests.Mutate(corpus[random.Next(corpus.Length)], corpus[random.Next(corpus.Length)], random);
            if (packet.Length <= DnsMessageHeader.Size)
            {
                continue;
            }

            // The first name remembered by the reader, then a later one that may point back to it.
            var first = ReferenceNameReader.Read(packet, DnsMessageHeader.Size);
            string? expectedName = random.Next(3) switch
            {
                0 => null,
                1 => first.Name,
                _ => first.Name.ToUpperInvariant(),
            };
            var reader = new DnsMessageReader(packet, expectedName);
            Assert.True(reader.TryReadBytes(DnsMessageHeader.Size, out _));
            AssertSame(first, ref reader, packet, i);
            if (!first.Ok)
            {
                continue;
            }

            // Half the time where the first answer's owner starts (after the question's type and class), often a pointer back.
            int second = random.Next(2) == 0 ? Math.Min(reader.Position + 4, packet.Length) : random.Next(reader.Position, packet.Length + 1);
            Assert.True(reader.TryReadBytes(second - reader.Position, out _));
            AssertSame(ReferenceNameReader.Read(packet, second), ref reader, packet, i);
            namesRead++;
        }

        Assert.True(namesRead > Iterations / 4, $"only {namesRead} packets had a readable first name");
    }

    private static void AssertSame((bool Ok, string Name, DnsParseError Error, int Position) expected, ref DnsMessageReader reader, byte[] packet, int iteration)
    {
        int start = reader.Position;
        bool ok = reader.TryReadName(out string name);
        var actual = (ok, name, ok ? DnsParseError.None : reader.Error, ok ? reader.Position : start);
        Assert.True(expected == actual, $"iteration {iteration}, offset {start}, packet {Convert.ToHexString(packet)}: expected {expected}, got {actual}");
    }
}
