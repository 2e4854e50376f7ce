using System.Text;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>Reads CRLF (or bare LF) terminated lines with a length cap, so a client cannot make the gate buffer without end.</summary>
internal sealed class SmtpLineReader
{
    /// <summary>RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including CRLF.</summary>
    public const int MaxLineLength = 1000;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public SmtpLineReader(Stream stream) => _stream = stream;

    /// <summary>The next line without its end; null at end of stream; <paramref name="tooLong"/> when the cap was hit (the rest is skipped).</summary>
    public async Task<(string? Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>(128);
        var tooLong = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return (line.Count > 0 ? Decode(line) : null, tooLong);
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            if (!tooLong)
            {
                line.AddRange(_buffer.AsSpan(_start, stop - _start));
                if (line.Count > MaxLineLength)
                {
                    tooLong = true;
                    line.Clear();
                }
            }

            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return (Decode(line), tooLong);
            }
        }
    }

    private static string Decode(List<byte> line)
    {
        var count = line.Count > 0 && line[^1] == (byte)'\r' ? line.Count - 1 : line.Count;
        // Latin-1 maps every octet to one char, so 8-bit message bodies pass through unchanged.
        return Encoding.Latin1.GetString([.. line.Take(count)]);
    }
}
