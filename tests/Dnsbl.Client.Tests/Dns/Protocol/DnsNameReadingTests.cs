using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

public sealed class DnsNameReadingTests
{
    private static (bool Ok, string Name, DnsParseError Error, int Position) ReadAt(byte[] message, int offset)
    {
        var reader = new DnsMessageReader(message);
        Assert.True(reader.TryReadBytes(offset, out _));
        bool ok = reader.TryReadName(out string name);
        return (ok, name, reader.Error, reader.Position);
    }

    [Fact]
    public void TryReadName_CompressedName_ExpandsAndResumesAfterPointer()
    {
        // offset 0: "example.com" ; offset 13: "www" + pointer to 0
        byte[] message = [7, .."example"u8, 3, .."com"u8, 0, 3, .."www"u8, 0xC0, 0];

        var result = ReadAt(message, 13);

        Assert.True(result.Ok);
        Assert.Equal("www.example.com", result.Name);
        Assert.Equal(message.Length, result.Position);
    }

    [Fact]
    public void TryReadName_PointerToItself_IsPointerNotBackward()
    {
        byte[] message = [1, (byte)'a', 0xC0, 0];

        var result = ReadAt(message, 2);

        Assert.False(result.Ok);
        Assert.Equal(DnsParseError.PointerNotBackward, result.Error);
    }

    [Fact]
    public void TryReadName_LoopThroughBackwardPointers_IsRejected()
    {
        // offset 0: label "a" then pointer to 4; offset 4: pointer to 0 -> a loop 0 -> 4 -> 0 where 4 is not before 0's segment.
        byte[] message = [1, (byte)'a', 0xC0, 4, 0xC0, 0];

        var result = ReadAt(message, 4);

        Assert.False(result.Ok);
        Assert.Equal(DnsParseError.PointerNotBackward, result.Error);
    }

    [Fact]
    public void TryReadName_ForwardPointer_IsRejected()
    {
        byte[] message = [0xC0, 2, 1, (byte)'a', 0];

        var result = ReadAt(message, 0);

        Assert.Equal(DnsParseError.PointerNotBackward, result.Error);
    }

    [Fact]
    public void TryReadName_PointerPastEnd_IsRejected()
    {
        byte[] message = [0, 0, 0xC0, 0xFF];

        var result = ReadAt(message, 2);

        Assert.False(result.Ok);
        Assert.Equal(DnsParseError.PointerNotBackward, result.Error);
    }

    [Fact]
    public void TryReadName_LongChainOfBackwardPointers_IsTooManyPointers()
    {
        // Offset 0 is the root; the pointer at 2k points to 2k - 2, so every hop moves backward and the chain is 200 long.
        var message = new byte[402];
        for (int k = 1; k <= 200; k++)
        {
            message[2 * k] = (byte)(0xC0 | ((2 * k - 2) >> 8));
            message[(2 * k) + 1] = (byte)(2 * k - 2);
        }

        Assert.Equal(DnsParseError.TooManyPointers, ReadAt(message, 400).Error);
    }

    [Fact]
    public void TryReadName_ShortChainOfBackwardPointers_IsAccepted()
    {
        byte[] message = [0, 0, 0xC0, 0, 0xC0, 2];

        var result = ReadAt(message, 4);

        Assert.True(result.Ok);
        Assert.Equal(string.Empty, result.Name);
        Assert.Equal(6, result.Position);
    }

    [Fact]
    public void TryReadName_PointerCutInHalf_IsTruncated()
    {
        byte[] message = [1, (byte)'a', 0xC0];

        Assert.Equal(DnsParseError.Truncated, ReadAt(message, 0).Error);
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x80)]
    [InlineData(0x7F)]
    public void TryReadName_ReservedLabelTypeOrLabelOver63_IsRejected(byte lengthOctet)
    {
        byte[] message = [lengthOctet, .. new byte[70], 0];

        Assert.Equal(DnsParseError.ReservedLabelType, ReadAt(message, 0).Error);
    }

    [Fact]
    public void TryReadName_LabelRunningPastEnd_IsTruncated()
    {
        byte[] message = [10, (byte)'a', (byte)'b'];

        Assert.Equal(DnsParseError.Truncated, ReadAt(message, 0).Error);
    }

    [Fact]
    public void TryReadName_Over255Octets_IsNameTooLong()
    {
        // 5 labels of 63 octets: 5 * 64 + 1 = 321 octets.
        var message = new List<byte>();
        for (int i = 0; i < 5; i++)
        {
            message.Add(63);
            message.AddRange(Enumerable.Repeat((byte)'x', 63));
        }

        message.Add(0);

        Assert.Equal(DnsParseError.NameTooLong, ReadAt([.. message], 0).Error);
    }

    [Fact]
    public void TryReadName_Exactly255Octets_IsAccepted()
    {
        // 3 * 64 + 62 + 1 = 255.
        var message = new List<byte>();
        for (int i = 0; i < 3; i++)
        {
            message.Add(63);
            message.AddRange(Enumerable.Repeat((byte)'x', 63));
        }

        message.Add(61);
        message.AddRange(Enumerable.Repeat((byte)'y', 61));
        message.Add(0);

        var result = ReadAt([.. message], 0);

        Assert.True(result.Ok);
        Assert.Equal(253, result.Name.Length);
    }

    [Fact]
    public void TryReadName_OddOctets_AreEscaped()
    {
        byte[] message = [3, (byte)'a', (byte)'.', 7, 0];

        Assert.Equal("a\\.\\007", ReadAt(message, 0).Name);
    }

    [Fact]
    public void TryReadName_EveryOctet_IsEscapedAsBefore()
    {
        for (int octet = 0; octet <= byte.MaxValue; octet++)
        {
            byte[] message = [3, (byte)'a', (byte)octet, (byte)'b', 0];

            Assert.Equal("a" + ReferenceNameReader.Escape([(byte)octet]) + "b", ReadAt(message, 0).Name);
        }
    }

    [Fact]
    public void TryReadName_EscapedLabelAmongPlainOnes_JoinsThemWithDots()
    {
        byte[] message = [3, .."www"u8, 2, (byte)'a', 0x80, 3, .."com"u8, 0];

        Assert.Equal("www.a\\128.com", ReadAt(message, 0).Name);
    }

    [Fact]
    public void TryReadName_PointerToTheFirstName_ReturnsTheSameString()
    {
        // offset 0: "example.com"; offset 13: a pointer to it, as an answer's owner points to the question.
        byte[] message = [7, .."example"u8, 3, .."com"u8, 0, 0xC0, 0];
        var reader = new DnsMessageReader(message);

        Assert.True(reader.TryReadName(out string question));
        Assert.True(reader.TryReadName(out string owner));

        Assert.Equal("example.com", owner);
        Assert.Same(question, owner);
        Assert.Equal(message.Length, reader.Position);
    }

    [Fact]
    public void TryReadName_SameTextWithoutPointer_ReturnsTheFirstNamesString()
    {
        byte[] message = [7, .."example"u8, 3, .."com"u8, 0, 7, .."example"u8, 3, .."com"u8, 0];
        var reader = new DnsMessageReader(message);

        Assert.True(reader.TryReadName(out string first));
        Assert.True(reader.TryReadName(out string second));

        Assert.Same(first, second);
    }

    [Fact]
    public void TryReadName_ExpectedNameWithSameText_ReturnsThatString()
    {
        string expected = string.Concat("Example.", "com"); // not interned, so Same proves reuse
        byte[] message = [7, .."Example"u8, 3, .."com"u8, 0];
        var reader = new DnsMessageReader(message, expected);

        Assert.True(reader.TryReadName(out string name));

        Assert.Same(expected, name);
    }

    [Fact]
    public void TryReadName_ExpectedNameInOtherCase_KeepsTheWireCase()
    {
        byte[] message = [7, .."Example"u8, 3, .."com"u8, 0];
        var reader = new DnsMessageReader(message, "example.com");

        Assert.True(reader.TryReadName(out string name));

        Assert.Equal("Example.com", name);
    }

    [Fact]
    public void TrySkipName_CompressedName_MovesPastThePointer()
    {
        byte[] message = [7, .."example"u8, 3, .."com"u8, 0, 3, .."www"u8, 0xC0, 0, 0xFF];
        var reader = new DnsMessageReader(message);
        Assert.True(reader.TryReadBytes(13, out _));

        Assert.True(reader.TrySkipName());

        Assert.Equal(message.Length - 1, reader.Position);
    }

    [Fact]
    public void TrySkipName_ForwardPointer_FailsLikeTryReadName()
    {
        byte[] message = [0xC0, 2, 1, (byte)'a', 0];
        var reader = new DnsMessageReader(message);

        Assert.False(reader.TrySkipName());

        Assert.Equal(DnsParseError.PointerNotBackward, reader.Error);
        Assert.Equal(0, reader.Position);
    }
}
