using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

public sealed class DnsMessageTests
{
    [Fact]
    public void DnsQueryWriter_Write_ProducesKnownBytesWithEdnsOpt()
    {
        var buffer = new byte[DnsQueryWriter.MaxQueryLength];

        int written = DnsQueryWriter.Write(buffer, 0xABCD, new DnsQuestion("a.example", DnsRecordType.TXT));

        byte[] expected =
        [
            0xAB, 0xCD, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1,
            1, (byte)'a', 7, .."example"u8, 0, 0, 16, 0, 1,
            0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0,
        ];
        Assert.Equal(expected, buffer[..written]);
    }

    [Fact]
    public void TryParse_Query_ReadsIdFlagsQuestionAndOpt()
    {
        var query = DnsMessageSamples.Query(id: 7);

        Assert.Equal(7, query.Header.Id);
        Assert.False(query.Header.IsResponse);
        Assert.Equal(DnsHeaderFlags.RecursionDesired, query.Header.Flags);
        Assert.Equal(new DnsWireQuestion("2.0.0.127.zen.example", DnsRecordType.A, 1), query.Question);
        Assert.Equal((ushort)1232, query.EdnsUdpPayloadSize);
    }

    [Fact]
    public void TryWrite_ListedResponse_RoundTripsEveryField()
    {
        var original = DnsMessageSamples.ListedResponse();

        Assert.True(DnsMessage.TryParse(original.ToArray(), out var parsed, out var error), error.ToString());

        Assert.Equal(0x4242, parsed!.Header.Id);
        Assert.True(parsed.Header.IsResponse);
        Assert.Equal(DnsHeaderFlags.Response | DnsHeaderFlags.AuthoritativeAnswer | DnsHeaderFlags.RecursionDesired, parsed.Header.Flags);
        Assert.Equal(original.Questions, parsed.Questions);
        Assert.Equal(original.Answers, parsed.Answers);
        Assert.Equal(original.Authorities, parsed.Authorities);
        Assert.Equal((ushort)1232, parsed.EdnsUdpPayloadSize);
    }

    [Fact]
    public void TryWrite_NegativeResponseWithSoa_RoundTripsRcodeAndMinimum()
    {
        Assert.True(DnsMessage.TryParse(DnsMessageSamples.NegativeResponse().ToArray(), out var parsed, out _));

        Assert.Equal(DnsResponseCode.NameError, parsed!.Header.ResponseCode);
        var soa = Assert.Single(parsed.Authorities);
        Assert.Equal((900u, "ns1.zen.example", 150u), (soa.TimeToLive, soa.Target, soa.SoaMinimum!.Value));
    }

    [Fact]
    public void TryWrite_TextOver255Octets_IsSplitIntoStringsAndJoinedOnRead()
    {
        string text = new string('x', 300) + " see https://example.test/lookup";
        byte[] wire = DnsMessageSamples.TextResponse(text).ToArray();

        Assert.True(DnsMessage.TryParse(wire, out var parsed, out _));

        Assert.Equal(text, Assert.Single(parsed!.Answers).Text);
        // The first character-string is 255 octets long (RFC 1035 §3.3).
        int rdataStart = Array.IndexOf(wire, (byte)255);
        Assert.True(rdataStart > 0);
    }

    [Fact]
    public void TryWrite_IPv6Answer_RoundTrips()
    {
        Assert.True(DnsMessage.TryParse(DnsMessageSamples.IPv6Response().ToArray(), out var parsed, out _));

        Assert.Equal(IPAddress.Parse("::ffff:7f00:2"), Assert.Single(parsed!.Answers).Address);
    }

    [Fact]
    public void TryParse_CompressedResponse_ExpandsOwnerName()
    {
        Assert.True(DnsMessage.TryParse(DnsMessageSamples.CompressedResponseBytes(), out var parsed, out _));

        var answer = Assert.Single(parsed!.Answers);
        Assert.Equal(new DnsRecord("example.com", DnsRecordType.A, 3600) { Address = IPAddress.Parse("127.0.0.2") }, answer);
    }

    [Fact]
    public void TryParse_UnknownTypeAndOtherClass_AreSkipped()
    {
        byte[] wire =
        [
            0, 1, 0x81, 0x80, 0, 0, 0, 2, 0, 0, 0, 0,
            0, 0, 99, 0, 1, 0, 0, 0, 1, 0, 3, 1, 2, 3,
            0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 4, 127, 0, 0, 2,
        ];

        Assert.True(DnsMessage.TryParse(wire, out var parsed, out _));

        Assert.Empty(parsed!.Answers);
    }

    [Fact]
    public void TryParse_SkippedRecordAfterKeptOne_SectionHoldsOnlyTheKeptOne()
    {
        byte[] wire =
        [
            0, 1, 0x81, 0x80, 0, 0, 0, 2, 0, 0, 0, 0,
            0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 127, 0, 0, 2,
            0, 0, 99, 0, 1, 0, 0, 0, 1, 0, 3, 1, 2, 3,
        ];

        Assert.True(DnsMessage.TryParse(wire, out var parsed, out _));

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(parsed!.Answers).Address);
    }

    [Fact]
    public void TryParse_FortyAnswers_ReadsEveryOneInOrder()
    {
        var addresses = Enumerable.Range(1, 40).Select(i => new IPAddress([127, 0, 0, (byte)i])).ToArray();
        byte[] wire = DnsMessage.CreateResponse(
            DnsMessageSamples.Query(),
            DnsResponseCode.NoError,
            answers: [.. addresses.Select(a => new DnsRecord("2.0.0.127.zen.example", DnsRecordType.A, 60) { Address = a })]).ToArray();

        Assert.True(DnsMessage.TryParse(wire, out var parsed, out _));

        Assert.Equal(addresses, parsed!.Answers.Select(r => r.Address));
    }

    [Fact]
    public void TryParse_ExpectedName_QuestionAndOwnersAreThatString()
    {
        string expected = string.Concat("2.0.0.127.", "zen.example"); // not interned, so Same proves reuse
        byte[] wire = DnsMessage.CreateResponse(
            DnsMessageSamples.Query(),
            DnsResponseCode.NoError,
            answers:
            [
                new DnsRecord("2.0.0.127.zen.example", DnsRecordType.A, 60) { Address = IPAddress.Parse("127.0.0.2") },
                new DnsRecord("2.0.0.127.zen.example", DnsRecordType.A, 60) { Address = IPAddress.Parse("127.0.0.4") },
            ]).ToArray();

        Assert.True(DnsMessage.TryParse(wire, expected, out var parsed, out _));

        Assert.Same(expected, parsed!.Questions[0].Name);
        Assert.All(parsed.Answers, answer => Assert.Same(expected, answer.Name));
    }

    [Fact]
    public void TryParse_CompressedOwner_IsTheQuestionsString()
    {
        Assert.True(DnsMessage.TryParse(DnsMessageSamples.CompressedResponseBytes(), out var parsed, out _));

        Assert.Same(parsed!.Questions[0].Name, Assert.Single(parsed.Answers).Name);
    }

    [Fact]
    public void TryParse_CountsLargerThanPacket_IsCountsExceedMessage()
    {
        byte[] wire = [0, 1, 0x81, 0x80, 0, 1, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 1, 0, 1];

        Assert.False(DnsMessage.TryParse(wire, out _, out var error));

        Assert.Equal(DnsParseError.CountsExceedMessage, error);
    }

    [Fact]
    public void TryParse_ARecordWithFiveOctets_IsInvalidRecordData()
    {
        byte[] wire = [0, 1, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 5, 1, 2, 3, 4, 5];

        Assert.False(DnsMessage.TryParse(wire, out _, out var error));

        Assert.Equal(DnsParseError.InvalidRecordData, error);
    }

    [Fact]
    public void TryParse_CnameRunningPastRdLength_IsInvalidRecordData()
    {
        byte[] wire = [0, 1, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5, 0, 1, 0, 0, 0, 1, 0, 1, 1, (byte)'a', 0];

        Assert.False(DnsMessage.TryParse(wire, out _, out var error));

        Assert.Equal(DnsParseError.InvalidRecordData, error);
    }

    [Fact]
    public void TryParse_RdLengthPastEnd_IsTruncated()
    {
        byte[] wire = [0, 1, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 40, 127, 0, 0, 2];

        Assert.False(DnsMessage.TryParse(wire, out _, out var error));

        Assert.Equal(DnsParseError.Truncated, error);
    }

    [Fact]
    public void TryWrite_BufferTooSmall_ReturnsFalse()
    {
        Assert.False(DnsMessageSamples.ListedResponse().TryWrite(new byte[40], out int written));
        Assert.Equal(0, written);
    }
}
