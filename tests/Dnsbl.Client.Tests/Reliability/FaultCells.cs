using Dnsbl.Client.Testing;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>The fault matrix: each named cell is a server behaviour and the outcome a check must report for it.</summary>
internal static class FaultCells
{
    private const ListOutcomeKind Error = ListOutcomeKind.Error;
    private const ListOutcomeKind Listed = ListOutcomeKind.Listed;
    private const ListOutcomeKind NotListed = ListOutcomeKind.NotListed;

    public static IReadOnlyDictionary<string, FaultCell> All { get; } = new Dictionary<string, FaultCell>
    {
        ["control: normal answer"] = new(_ => ServerAction.Answer, Listed, DnsblErrorKind.None),
        ["timeout: answer later than the attempt timeout"] = new(_ => ServerAction.Delayed(TimeSpan.FromSeconds(30)), Error, DnsblErrorKind.Timeout),
        ["packet drop"] = new(_ => ServerAction.Drop, Error, DnsblErrorKind.Timeout),
        ["SERVFAIL"] = new(_ => ServerAction.ServerFailure, Error, DnsblErrorKind.ServerFailure),
        ["REFUSED"] = new(_ => ServerAction.Refused, Error, DnsblErrorKind.DnsRefused),
        ["FORMERR"] = new(_ => ServerAction.FormatError, Error, DnsblErrorKind.OtherResponseCode),
        ["NOTIMP"] = new(_ => ServerAction.NotImplemented, Error, DnsblErrorKind.OtherResponseCode),
        ["NXDOMAIN"] = new(_ => ServerAction.Respond(3), NotListed, DnsblErrorKind.None),
        ["TC set, TCP answers"] = new(_ => ServerAction.Truncated, Listed, DnsblErrorKind.None),
        ["TC set, TCP refused"] = new(_ => ServerAction.Truncated, Error, DnsblErrorKind.NetworkError) { EnableTcp = false },
        ["TC set, TCP silent"] = new(c => c.Transport == DnsServerTransport.Udp ? ServerAction.Truncated : ServerAction.Drop, Error, DnsblErrorKind.Timeout),
        ["wrong ID"] = new(_ => ServerAction.Answer with { WrongId = true }, Error, DnsblErrorKind.Timeout),
        ["different question"] = new(_ => ServerAction.Answer with { QuestionName = "3.0.0.127.bl.test" }, Error, DnsblErrorKind.Timeout),
        ["answer from another port"] = new(_ => ServerAction.Answer with { FromOtherSocket = true }, Error, DnsblErrorKind.Timeout),
        ["answer after the deadline"] = new(_ => ServerAction.Delayed(TimeSpan.FromSeconds(30)), Error, DnsblErrorKind.DeadlineExceeded)
        {
            Deadline = TimeSpan.FromMilliseconds(300),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        },
        ["duplicate answers"] = new(_ => ServerAction.Answer with { DuplicateAnswers = true }, Listed, DnsblErrorKind.None),
        ["compression pointer loop"] = Raw(PointerLoop, Error, DnsblErrorKind.MalformedResponse),
        ["pointer past the end"] = Raw(id => Answer(id, 1).UInt16(0xFFFF).UInt16(1).UInt16(1).UInt32(300).UInt16(4).Raw([127, 0, 0, 2]).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["forward pointer"] = Raw(id => Answer(id, 1).UInt16(0xC000 | 200).UInt16(1).UInt16(1).UInt32(300).UInt16(4).Raw([127, 0, 0, 2]).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["answer count larger than the packet"] = Raw(id => Answer(id, 5).A([127, 0, 0, 2]).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["RDLENGTH larger than the packet"] = Raw(id => Answer(id, 1).UInt16(HostilePackets.QuestionNamePointer).UInt16(1).UInt16(1).UInt32(300).UInt16(400).Raw([127, 0, 0, 2]).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["cut in the middle of a record"] = new(_ => ServerAction.Corrupt(bytes => bytes[..^3]), Error, DnsblErrorKind.MalformedResponse),
        ["reserved label type"] = Raw(id => Answer(id, 1).Raw([0x40, 0]).UInt16(1).UInt16(1).UInt32(300).UInt16(4).Raw([127, 0, 0, 2]).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["garbage that does not echo the question"] = Raw(id => [(byte)(id >> 8), (byte)id, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xFF, 0xFF], Error, DnsblErrorKind.Timeout),
        ["TTL 0"] = Raw(id => Answer(id, 1).A([127, 0, 0, 2], ttl: 0).ToArray(), Listed, DnsblErrorKind.None),
        ["TTL 2^31 and above"] = Raw(id => Answer(id, 1).A([127, 0, 0, 2], ttl: 0x8000_0001).ToArray(), Listed, DnsblErrorKind.None),
        ["CNAME chain"] = Raw(CnameChain, Listed, DnsblErrorKind.None),
        ["CNAME loop"] = Raw(id => Answer(id, 2).Cname(FaultMatrixTests.Name, "a.bl.test").Cname("a.bl.test", FaultMatrixTests.Name).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["CNAME chain too long"] = Raw(LongCnameChain, Error, DnsblErrorKind.MalformedResponse),
        ["CNAME to nowhere"] = Raw(id => Answer(id, 1).Cname(FaultMatrixTests.Name, "a.bl.test").ToArray(), NotListed, DnsblErrorKind.None),
        ["answer of the wrong type (TXT)"] = Raw(id => Answer(id, 1).Record(16, [3, (byte)'a', (byte)'b', (byte)'c']).ToArray(), NotListed, DnsblErrorKind.None),
        ["answer of the wrong type (AAAA)"] = Raw(id => Answer(id, 1).Record(28, new byte[16]).ToArray(), NotListed, DnsblErrorKind.None),
        ["answer of the wrong class (CH)"] = Raw(id => Answer(id, 1).A([127, 0, 0, 2], recordClass: 3).ToArray(), NotListed, DnsblErrorKind.None),
        ["answer for another owner"] = Raw(id => Answer(id, 1).NamedA("9.0.0.127.bl.test", [127, 0, 0, 2]).ToArray(), NotListed, DnsblErrorKind.None),
        ["A answer outside 127/8"] = Raw(id => Answer(id, 1).A([10, 0, 0, 2]).ToArray(), Error, DnsblErrorKind.AnswerOutsideLoopback),
        ["A with RDLENGTH 3"] = Raw(id => Answer(id, 1).UInt16(HostilePackets.QuestionNamePointer).UInt16(1).UInt16(1).UInt32(300).UInt16(3).Raw([127, 0, 0]).ToArray(), Error, DnsblErrorKind.MalformedResponse),
        ["64 KiB TCP answer"] = new(c => c.Transport == DnsServerTransport.Udp ? ServerAction.Truncated : ServerAction.Raw(HugeAnswer(c.QueryId)), Listed, DnsblErrorKind.None),
    };

    private static FaultCell Raw(Func<ushort, byte[]> build, ListOutcomeKind kind, DnsblErrorKind error) =>
        new(c => ServerAction.Raw(build(c.QueryId)), kind, error);

    private static HostilePackets Answer(ushort id, ushort answers) => HostilePackets.Response(id, FaultMatrixTests.Name, answers);

    private static byte[] PointerLoop(ushort id)
    {
        var packet = Answer(id, 1);
        var self = (ushort)(0xC000 | packet.Position);
        return packet.UInt16(self).UInt16(1).UInt16(1).UInt32(300).UInt16(4).Raw([127, 0, 0, 2]).ToArray();
    }

    private static byte[] CnameChain(ushort id) => Answer(id, 3)
        .Cname(FaultMatrixTests.Name, "a.bl.test")
        .Cname("a.bl.test", "b.bl.test")
        .NamedA("b.bl.test", [127, 0, 0, 2])
        .ToArray();

    private static byte[] LongCnameChain(ushort id)
    {
        const int Links = 12;
        var packet = Answer(id, Links + 1).Cname(FaultMatrixTests.Name, "c1.bl.test");
        for (var i = 1; i < Links; i++)
        {
            packet.Cname($"c{i}.bl.test", $"c{i + 1}.bl.test");
        }

        return packet.NamedA($"c{Links}.bl.test", [127, 0, 0, 2]).ToArray();
    }

    /// <summary>The largest answer TCP can carry: as many 16-octet A records as fit under 65,535 octets.</summary>
    private static byte[] HugeAnswer(ushort id)
    {
        var header = Answer(id, 0).Position;
        var count = (ushort.MaxValue - header) / 16;
        var packet = Answer(id, (ushort)count);
        for (var i = 0; i < count; i++)
        {
            packet.A(i == 0 ? [127, 0, 0, 2] : [127, 0, (byte)(1 + (i / 250)), (byte)(2 + (i % 250))]);
        }

        return packet.ToArray();
    }
}
