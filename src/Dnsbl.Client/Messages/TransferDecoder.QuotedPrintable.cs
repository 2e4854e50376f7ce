using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Dnsbl.Client.Messages;

// Quoted-printable (RFC 2045 §6.7): plain ASCII runs copied by vectors, escapes and soft breaks one by one.
internal static partial class TransferDecoder
{
    /// <summary>Decodes quoted-printable into <paramref name="destination"/>; a malformed escape is kept as literal text.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int DecodeQuotedPrintable(ReadOnlySpan<char> raw, bool textIsRawBytes, Span<byte> destination)
    {
        var length = 0;
        var i = 0;
        while (i < raw.Length)
        {
            // Most of a part is plain ASCII between escapes: copied 32 or 16 chars at a time up to the next '=' or non-ASCII char.
            var plain = PlainAsciiRun(raw[i..], destination[length..]);
            i += plain;
            length += plain;
            if (i == raw.Length)
            {
                break;
            }

            var c = raw[i];
            if (c != '=')
            {
                if (c < 0x80)
                {
                    destination[length++] = (byte)c; // the run stopped short of the end (its last chunk is copied one by one)
                }
                else
                {
                    length += NonAscii(c, textIsRawBytes, destination[length..]);
                }

                i++;
                continue;
            }

            if (i + 1 < raw.Length && raw[i + 1] is '\r' or '\n')
            {
                // Soft line break (RFC 2045 §6.7 rule 5).
                i += raw[i + 1] == '\r' && i + 2 < raw.Length && raw[i + 2] == '\n' ? 3 : 2;
                continue;
            }

            if (i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
            {
                destination[length++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 3;
                continue;
            }

            destination[length++] = (byte)'='; // a malformed escape stays as written
            i++;
        }

        return length;
    }

    // Copies the ASCII chars of text before its first '=' or non-ASCII char to destination as bytes, and returns how many:
    // one pass that finds the stop and narrows, 32 chars a step where the CPU has 256-bit vectors, then 16 (a search and
    // then a copy were two passes with a library call each, per run of ~30-100 chars between escapes). The last chunk of
    // fewer than 16 chars is left to the caller's char-by-char step. Each chunk is stored whole (destination must have
    // room for it); bytes past the stop are overwritten by what follows.
    private static int PlainAsciiRun(ReadOnlySpan<char> text, Span<byte> destination)
    {
        const int Chunk = 16;
        if (!Vector128.IsHardwareAccelerated)
        {
            var run = text.IndexOfAnyExceptInRange((char)0, (char)0x7F);
            var equals = text.IndexOf('=');
            var stop = equals < 0 ? run : run < 0 ? equals : Math.Min(run, equals);
            var plain = stop < 0 ? text : text[..stop];
            _ = Ascii.FromUtf16(plain, destination, out var copied);
            return copied;
        }

        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref var target = ref MemoryMarshal.GetReference(destination);
        var offset = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            const int WideChunk = 32;
            var wideEqualsSign = Vector256.Create((ushort)'=');
            var wideAsciiMax = Vector256.Create((ushort)0x7F);
            while (offset + WideChunk <= text.Length && offset + WideChunk <= destination.Length)
            {
                var low = Vector256.LoadUnsafe(ref source, (nuint)offset);
                var high = Vector256.LoadUnsafe(ref source, (nuint)(offset + 16));
                var stops = Vector256.Equals(low, wideEqualsSign) | Vector256.GreaterThan(low, wideAsciiMax);
                var stopsHigh = Vector256.Equals(high, wideEqualsSign) | Vector256.GreaterThan(high, wideAsciiMax);
                Vector256.Narrow(low, high).StoreUnsafe(ref target, (nuint)offset);
                var mask = stops.ExtractMostSignificantBits() | (stopsHigh.ExtractMostSignificantBits() << 16);
                if (mask != 0)
                {
                    return offset + BitOperations.TrailingZeroCount(mask);
                }

                offset += WideChunk;
            }
        }

        var equalsSign = Vector128.Create((ushort)'=');
        var asciiMax = Vector128.Create((ushort)0x7F);
        while (offset + Chunk <= text.Length && offset + Chunk <= destination.Length)
        {
            var low = Vector128.LoadUnsafe(ref source, (nuint)offset);
            var high = Vector128.LoadUnsafe(ref source, (nuint)(offset + 8));
            var stops = Vector128.Equals(low, equalsSign) | Vector128.GreaterThan(low, asciiMax);
            var stopsHigh = Vector128.Equals(high, equalsSign) | Vector128.GreaterThan(high, asciiMax);
            Vector128.Narrow(low, high).StoreUnsafe(ref target, (nuint)offset);
            var mask = stops.ExtractMostSignificantBits() | (stopsHigh.ExtractMostSignificantBits() << 8);
            if (mask != 0)
            {
                return offset + BitOperations.TrailingZeroCount(mask);
            }

            offset += Chunk;
        }

        return offset;
    }

    // A char above ASCII in a quoted-printable part: a raw byte when the text was read byte for byte (Latin-1), else a
    // Unicode string given to Parse holds non-ASCII text in a QP part, kept as UTF-8.
    private static int NonAscii(char c, bool textIsRawBytes, Span<byte> destination)
    {
        if (c <= 0xFF && textIsRawBytes)
        {
            destination[0] = (byte)c;
            return 1;
        }

        return new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(destination);
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
