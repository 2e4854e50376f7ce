using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

public sealed class DnsMessageHeaderTests
{
    [Fact]
    public void TryWrite_ResponseHeader_ProducesKnownBytes()
    {
        var header = new DnsMessageHeader(
            0xBEEF,
            DnsHeaderFlags.Response | DnsHeaderFlags.AuthoritativeAnswer | DnsHeaderFlags.RecursionDesired,
            DnsOpcode.Query,
            DnsResponseCode.NameError,
            questionCount: 1,
            answerCount: 2,
            authorityCount: 3,
            additionalCount: 4);
        var bytes = new byte[DnsMessageHeader.Size];

        Assert.True(header.TryWrite(bytes));

        Assert.Equal(new byte[] { 0xBE, 0xEF, 0x85, 0x03, 0, 1, 0, 2, 0, 3, 0, 4 }, bytes);
    }

    [Fact]
    public void TryRead_KnownBytes_ExposesFieldsAndFlags()
    {
        byte[] bytes = [0x12, 0x34, 0x83, 0x80, 0, 1, 0, 0, 0, 1, 0, 0];

        Assert.True(DnsMessageHeader.TryRead(bytes, out var header));

        Assert.Equal(0x1234, header.Id);
        Assert.True(header.IsResponse);
        Assert.True(header.IsTruncated);
        Assert.Equal(DnsHeaderFlags.Response | DnsHeaderFlags.Truncated | DnsHeaderFlags.RecursionDesired | DnsHeaderFlags.RecursionAvailable, header.Flags);
        Assert.Equal(DnsOpcode.Query, header.Opcode);
        Assert.Equal(DnsResponseCode.NoError, header.ResponseCode);
        Assert.Equal(1, header.QuestionCount);
        Assert.Equal(1, header.AuthorityCount);
    }

    [Fact]
    public void TryRead_UnknownOpcodeAndRcode_ArePreserved()
    {
        byte[] bytes = [0, 1, 0x78, 0x0B, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.True(DnsMessageHeader.TryRead(bytes, out var header));

        Assert.Equal((DnsOpcode)15, header.Opcode);
        Assert.Equal((DnsResponseCode)11, header.ResponseCode);
        var copy = new byte[DnsMessageHeader.Size];
        Assert.True(header.TryWrite(copy));
        Assert.Equal(bytes, copy);
    }

    [Fact]
    public void TryRead_ElevenBytes_ReturnsFalse()
    {
        Assert.False(DnsMessageHeader.TryRead(new byte[11], out _));
        Assert.False(default(DnsMessageHeader).TryWrite(new byte[11]));
    }
}
