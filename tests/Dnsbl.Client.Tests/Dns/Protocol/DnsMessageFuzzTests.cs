using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

/// <summary>A seeded mutation fuzzer: whatever bytes arrive, the parser answers with data or a typed error, nothing else.</summary>
[Collection(CpuBoundTests.Name)]
public sealed class DnsMessageFuzzTests
{
    private const int Seed = 20_260_101;
    private const int DefaultIterations = 200_000;

    /// <summary>How many packets the run pushes through; DNSBL_FUZZ_ITERATIONS overrides it for long local runs.</summary>
    internal static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("DNSBL_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : DefaultIterations;

    [Fact]
    public void TryParse_MutatedResponses_OnlyEverReturnsTypedResult()
    {
        byte[][] corpus = Corpus();
        var random = new Random(Seed);
        var errorsSeen = new HashSet<DnsParseError>();
        int accepted = 0;

        for (int i = 0, iterations = Iterations; i < iterations; i++)
        {
            byte[] packet = Mutate(corpus[random.Next(corpus.Length)], corpus[random.Next(corpus.Length)], random);
            try
            {
                if (DnsMessage.TryParse(packet, out var message, out var error))
                {
                    Assert.NotNull(message);
                    accepted++;
                }
                else
                {
                    Assert.NotEqual(DnsParseError.None, error);
                    errorsSeen.Add(error);
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"Iteration {i} threw {exception.GetType().Name} for packet {Convert.ToHexString(packet)}: {exception.Message}");
            }
        }

        Assert.True(accepted > 0, "some mutations must still parse, or the fuzzer is only testing the header check");
        Assert.True(errorsSeen.Count >= 4, $"only {string.Join(", ", errorsSeen)} were reached");
    }

    /// <summary>Real answers the mutations start from.</summary>
    internal static byte[][] Corpus() =>
    [
        DnsMessageSamples.ListedResponse().ToArray(),
        DnsMessageSamples.NegativeResponse().ToArray(),
        DnsMessageSamples.TextResponse(new string('t', 400)).ToArray(),
        DnsMessageSamples.IPv6Response().ToArray(),
        DnsMessageSamples.CompressedResponseBytes(),
    ];

    /// <summary>One mutation of <paramref name="first"/>: bit flips, a truncation, a splice with <paramref name="second"/> or an overwritten octet.</summary>
    internal static byte[] Mutate(byte[] first, byte[] second, Random random)
    {
        byte[] packet = (byte[])first.Clone();
        switch (random.Next(4))
        {
            case 0: // bit flips
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    int bit = random.Next(packet.Length * 8);
                    packet[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                return packet;
            case 1: // truncation
                return packet[..random.Next(packet.Length)];
            case 2: // splice: head of one, tail of another
                int cut = random.Next(packet.Length);
                int from = random.Next(second.Length);
                return [.. packet[..cut], .. second[from..]];
            default: // random octet overwrite, often hitting counts, lengths and pointers
                packet[random.Next(packet.Length)] = (byte)random.Next(256);
                return packet;
        }
    }
}
