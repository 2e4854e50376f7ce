using System.Buffers.Binary;
using System.Net;
using System.Text;
using Dnsbl.Client.Caching;

namespace Dnsbl.Client.Redis;

/// <summary>
/// The value stored for one shared answer: a magic byte and version, the absolute expiry (Unix milliseconds), the
/// IPv4 codes and the TXT strings, each counted and bounded. Reading is strict: anything else under our keys (another
/// program's value, a truncated write, a claim to live too long, a code outside 127.0.0.0/8) is rejected with a reason.
/// </summary>
/// <remarks>
/// The expiry travels in the value, so the remaining TTL needs no second command per key (MGET returns values only);
/// clocks of a fleet agree to well within the 60 s minimum TTL.
/// </remarks>
internal static class SharedAnswerCodec
{
    private const byte Magic = 0xD1;
    private const byte Version = 1;
    private const int HeaderLength = 2 + sizeof(long);
    public const int MaximumCodes = 16;
    public const int MaximumTexts = 8;
    public const int MaximumTextBytes = 1024;

    public static byte[] Encode(SharedAnswer answer, long expiresAtUnixMilliseconds)
    {
        var codes = answer.Codes.Where(c => c.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).Take(MaximumCodes).ToArray();
        var texts = answer.Text.Take(MaximumTexts).Select(t => Encoding.UTF8.GetBytes(t)).Select(b => b.Length > MaximumTextBytes ? b[..MaximumTextBytes] : b).ToArray();
        var value = new byte[HeaderLength + 1 + (codes.Length * 4) + 1 + texts.Sum(t => 2 + t.Length)];
        value[0] = Magic;
        value[1] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(2), expiresAtUnixMilliseconds);
        var at = HeaderLength;
        value[at++] = (byte)codes.Length;
        foreach (var code in codes)
        {
            code.TryWriteBytes(value.AsSpan(at, 4), out _);
            at += 4;
        }

        value[at++] = (byte)texts.Length;
        foreach (var text in texts)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(value.AsSpan(at), (ushort)text.Length);
            text.CopyTo(value.AsSpan(at + 2));
            at += 2 + text.Length;
        }

        return value;
    }

    /// <summary>Reads a stored value as of <paramref name="nowUnixMilliseconds"/>; null with <paramref name="problem"/> when it is not one of ours or is expired.</summary>
    public static SharedAnswer? TryDecode(ReadOnlySpan<byte> value, long nowUnixMilliseconds, TimeSpan maximumTimeToLive, out string? problem)
    {
        problem = null;
        if (value.Length < HeaderLength + 2 || value[0] != Magic || value[1] != Version)
        {
            problem = "not a shared answer of this version";
            return null;
        }

        var remaining = BinaryPrimitives.ReadInt64LittleEndian(value[2..]) - nowUnixMilliseconds;
        if (remaining > maximumTimeToLive.TotalMilliseconds)
        {
            problem = "claims to live longer than any answer may";
            return null;
        }

        if (remaining <= 0)
        {
            return null; // expired a moment ago (clocks): a plain miss
        }

        var at = HeaderLength;
        int codeCount = value[at++];
        if (codeCount > MaximumCodes || value.Length < at + (codeCount * 4) + 1)
        {
            problem = "bad code count";
            return null;
        }

        var codes = new IPAddress[codeCount];
        for (var i = 0; i < codeCount; i++, at += 4)
        {
            if (value[at] != 127)
            {
                problem = "a code outside 127.0.0.0/8";
                return null;
            }

            codes[i] = new IPAddress(value.Slice(at, 4));
        }

        return ReadTexts(value, at, out problem) is { } texts
            ? new SharedAnswer { Codes = codes, Text = texts, TimeToLive = TimeSpan.FromMilliseconds(remaining) }
            : null;
    }

    private static string[]? ReadTexts(ReadOnlySpan<byte> value, int at, out string? problem)
    {
        int count = value[at++];
        if (count > MaximumTexts)
        {
            problem = "bad text count";
            return null;
        }

        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (value.Length < at + 2 || BinaryPrimitives.ReadUInt16LittleEndian(value[at..]) is var length && (length > MaximumTextBytes || value.Length < at + 2 + length))
            {
                problem = "truncated text";
                return null;
            }

            texts[i] = Encoding.UTF8.GetString(value.Slice(at + 2, length));
            at += 2 + length;
        }

        problem = at == value.Length ? null : "trailing bytes";
        return problem is null ? texts : null;
    }
}
