using System.Buffers.Binary;
using System.Text;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// Builds response packets by hand, byte by byte, so a test can break exactly one rule of RFC 1035 (a pointer loop,
/// a count the packet cannot hold, a record of the wrong class) while everything else stays valid.
/// </summary>
internal sealed class HostilePackets
{
    /// <summary>A compression pointer to the question name, which always starts at offset 12.</summary>
    public const ushort QuestionNamePointer = 0xC00C;

    private readonly List<byte> _bytes = [];

    /// <summary>Starts a response with ID <paramref name="id"/>, QR/RD/RA set, one question and the given counts.</summary>
    public static HostilePackets Response(ushort id, string questionName, ushort answerCount, ushort type = 1, int responseCode = 0)
    {
        var packet = new HostilePackets();
        packet.UInt16(id).UInt16((ushort)(0x8180 | responseCode)).UInt16(1).UInt16(answerCount).UInt16(0).UInt16(0);
        packet.Name(questionName).UInt16(type).UInt16(1);
        return packet;
    }

    public HostilePackets UInt16(ushort value)
    {
        Span<byte> two = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(two, value);
        _bytes.AddRange(two.ToArray());
        return this;
    }

    public HostilePackets UInt32(uint value)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(four, value);
        _bytes.AddRange(four.ToArray());
        return this;
    }

    public HostilePackets Name(string name)
    {
        foreach (var label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            _bytes.Add((byte)label.Length);
            _bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        _bytes.Add(0);
        return this;
    }

    /// <summary>An A record whose owner is the question name (by pointer).</summary>
    public HostilePackets A(byte[] address, uint ttl = 300, ushort recordClass = 1, ushort owner = QuestionNamePointer) =>
        UInt16(owner).UInt16(1).UInt16(recordClass).UInt32(ttl).UInt16(4).Raw(address);

    /// <summary>A record of any type with raw RDATA.</summary>
    public HostilePackets Record(ushort type, byte[] data, uint ttl = 300, ushort owner = QuestionNamePointer) =>
        UInt16(owner).UInt16(type).UInt16(1).UInt32(ttl).UInt16((ushort)data.Length).Raw(data);

    /// <summary>A CNAME from a written-out owner to a written-out target.</summary>
    public HostilePackets Cname(string owner, string target, uint ttl = 300)
    {
        Name(owner).UInt16(5).UInt16(1).UInt32(ttl);
        var rdata = new HostilePackets().Name(target).ToArray();
        return UInt16((ushort)rdata.Length).Raw(rdata);
    }

    /// <summary>An A record with a written-out owner.</summary>
    public HostilePackets NamedA(string owner, byte[] address) => Name(owner).UInt16(1).UInt16(1).UInt32(300).UInt16(4).Raw(address);

    public HostilePackets Raw(byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>The offset the next byte will be written at.</summary>
    public int Position => _bytes.Count;

    public byte[] ToArray() => [.. _bytes];
}
