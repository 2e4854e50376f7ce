using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.Policy;

/// <summary>
/// Reads requests off one connection: <c>name=value</c> lines ended by <c>\n</c> (a <c>\r</c> before it is tolerated)
/// until an empty line. Every byte is hostile: a line is read into a buffer of fixed size and a request holds at most
/// <c>maxAttributes</c> lines, so a connection costs bounded memory whatever its peer sends. Requests sent back to back
/// (pipelined) are read in order from the same buffer. Not thread-safe: one reader per connection.
/// </summary>
internal sealed class PolicyRequestReader
{
    private const int MinimumBufferBytes = 8192;
    private readonly Socket _socket;
    private readonly int _maxLineBytes;
    private readonly int _maxAttributes;
    private readonly byte[] _buffer;
    private readonly char[] _chars;
    private int _start;
    private int _end;

    public PolicyRequestReader(Socket socket, int maxLineBytes, int maxAttributes)
    {
        _socket = socket;
        _maxLineBytes = maxLineBytes;
        _maxAttributes = maxAttributes;
        _buffer = new byte[Math.Max(maxLineBytes + 2, MinimumBufferBytes)];
        _chars = new char[maxLineBytes + 1];
    }

    /// <summary>Whether a whole line is already buffered (the next read needs no receive).</summary>
    public bool HasBufferedLine => _buffer.AsSpan(_start, _end - _start).Contains((byte)'\n');

    /// <summary>Reads the next request into <paramref name="request"/> (cleared first).</summary>
    /// <exception cref="OperationCanceledException">The token ended the read (idle timeout or stop).</exception>
    public async ValueTask<PolicyReadStatus> ReadAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        request.Clear();
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = pending[..newline];
                _start += newline + 1;
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (line.Length > _maxLineBytes)
                {
                    return PolicyReadStatus.LineTooLong;
                }

                if (line.Length == 0)
                {
                    return PolicyReadStatus.Request;
                }

                var count = Encoding.UTF8.GetChars(line, _chars);
                request.Add(_chars.AsSpan(0, count));
                if (request.AttributeCount > _maxAttributes)
                {
                    return PolicyReadStatus.TooManyAttributes;
                }

                continue;
            }

            if (pending.Length > _maxLineBytes)
            {
                _start = _end;
                return PolicyReadStatus.LineTooLong;
            }

            if (_start == _end)
            {
                _start = _end = 0;
            }
            else if (_end == _buffer.Length)
            {
                pending.CopyTo(_buffer);
                _start = 0;
                _end = pending.Length;
            }

            var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return PolicyReadStatus.Closed;
            }

            _end += received;
        }
    }
}
