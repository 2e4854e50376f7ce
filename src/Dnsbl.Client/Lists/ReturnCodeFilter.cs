using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Dnsbl.Client.Lists;

/// <summary>
/// A predicate over IPv4 return codes (A records in 127.0.0.0/8): exact address, postscreen octet pattern
/// (<c>127.0.0.[2..11]</c>, <c>127.0.0.[2;4;6..8]</c>), CIDR, bitmask (any bit / all bits) or a negation.
/// Immutable and thread-safe; two filters are equal when their canonical texts (<see cref="ToString"/>) are equal.
/// </summary>
/// <remarks>
/// The text syntax accepted by <see cref="Parse"/> (no white space anywhere, except inside a <c>regex:</c>):
/// <list type="bullet">
/// <item><c>127.0.0.2</c>: exactly this address.</item>
/// <item><c>127.0.0.[2..11]</c>, <c>127.0.[0..255].[2;4;6..8]</c>: postscreen's pattern; each of the four octets is a
/// number (0..255) or a bracketed list of numbers and ranges <c>a..b</c> (a ≤ b) separated by <c>;</c>.</item>
/// <item><c>127.0.0.0/24</c>: a CIDR block; the address must have no bits set beyond the prefix (0..32).</item>
/// <item><c>anybits:12</c>, <c>anybits:0x0c</c> or <c>bitmask:0x0c</c>: any bit of the mask is set in the code
/// (SpamAssassin/URIBL style); <c>allbits:12</c>: every bit of the mask is set. The mask is a decimal or <c>0x</c>
/// hexadecimal 32-bit value, non-zero, applied to the whole address (so masks below 256 test the last octet).</item>
/// <item><c>regex:EXPRESSION</c>: the code's dotted-quad text matches the .NET regular expression, unanchored
/// unless the expression anchors itself (SpamAssassin's sub-test semantics); a match running longer than 100 ms counts
/// as no match. The expression is the rest of the text, so it may contain any character but must not be empty.</item>
/// <item><c>!filter</c>: the negation of a filter (<c>!!filter</c> is <c>filter</c>).</item>
/// <item><c>any</c>: every code.</item>
/// </list>
/// </remarks>
public abstract class ReturnCodeFilter : IEquatable<ReturnCodeFilter>
{
    private protected ReturnCodeFilter()
    {
    }

    /// <summary>A filter matching every code.</summary>
    public static ReturnCodeFilter Any { get; } = new AnyCodeFilter();

    /// <summary>Whether <paramref name="code"/> (an IPv4 address) satisfies the filter.</summary>
    /// <param name="code">The returned A record.</param>
    /// <returns>True on a match; false for any non-IPv4 address.</returns>
    public bool Matches(IPAddress code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return IPv4Value.TryGet(code, out var value) && Matches(value);
    }

    /// <summary>Parses a filter; see the remarks of <see cref="ReturnCodeFilter"/> for the syntax.</summary>
    /// <param name="text">The filter text.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid filter; the message says what and where.</exception>
    public static ReturnCodeFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReturnCodeFilterParser.TryParse(text, out var filter, out var error)
            ? filter
            : throw new FormatException($"Invalid return-code filter \"{text}\": {error}.");
    }

    /// <summary>Tries to parse a filter; see the remarks of <see cref="ReturnCodeFilter"/> for the syntax.</summary>
    /// <param name="text">The filter text.</param>
    /// <param name="filter">The filter, when parsing succeeded.</param>
    /// <returns>True when the text was valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ReturnCodeFilter? filter)
    {
        if (text is null)
        {
            filter = null;
            return false;
        }

        return ReturnCodeFilterParser.TryParse(text, out filter, out _);
    }

    /// <summary>A filter matching exactly <paramref name="address"/>.</summary>
    /// <param name="address">An IPv4 address.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The address is not IPv4.</exception>
    public static ReturnCodeFilter Exact(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPv4Value.TryGet(address, out var value)
            ? new ExactCodeFilter(value)
            : throw new ArgumentException($"A return code is an IPv4 address; {address} is not.", nameof(address));
    }

    /// <summary>A filter matching the CIDR block <paramref name="network"/>/<paramref name="prefixLength"/>.</summary>
    /// <param name="network">The IPv4 network address; bits beyond the prefix must be zero.</param>
    /// <param name="prefixLength">The prefix length, 0..32.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The address is not IPv4 or has host bits set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The prefix length is outside 0..32.</exception>
    public static ReturnCodeFilter Cidr(IPAddress network, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        if (!IPv4Value.TryGet(network, out var value))
        {
            throw new ArgumentException($"A return code is an IPv4 address; {network} is not.", nameof(network));
        }

        return (value & ~CidrCodeFilter.MaskOf(prefixLength)) == 0
            ? new CidrCodeFilter(value, prefixLength)
            : throw new ArgumentException($"{network}/{prefixLength} has bits set beyond the prefix.", nameof(network));
    }

    /// <summary>A filter matching codes with at least one bit of <paramref name="mask"/> set.</summary>
    /// <param name="mask">The bits to test (non-zero), applied to the whole big-endian address.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The mask is zero.</exception>
    public static ReturnCodeFilter AnyBits(uint mask)
    {
        ArgumentOutOfRangeException.ThrowIfZero(mask);
        return new BitmaskCodeFilter(mask, requireAll: false);
    }

    /// <summary>A filter matching codes with every bit of <paramref name="mask"/> set.</summary>
    /// <param name="mask">The bits to test (non-zero), applied to the whole big-endian address.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The mask is zero.</exception>
    public static ReturnCodeFilter AllBits(uint mask)
    {
        ArgumentOutOfRangeException.ThrowIfZero(mask);
        return new BitmaskCodeFilter(mask, requireAll: true);
    }

    /// <summary>A filter matching exactly the codes <paramref name="filter"/> does not.</summary>
    /// <param name="filter">The filter to negate.</param>
    /// <returns>The negation; the negation of a negation is the original filter.</returns>
    public static ReturnCodeFilter Not(ReturnCodeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter is NegatedCodeFilter negated ? negated.Inner : new NegatedCodeFilter(filter);
    }

    /// <summary>Whether the filter matches <paramref name="code"/>, the big-endian value of an IPv4 address.</summary>
    internal abstract bool Matches(uint code);

    /// <summary>
    /// Whether the filter matches the TXT text of a <see cref="ListQueryType.Txt"/> list's answer: only <c>any</c>,
    /// <c>regex:</c> and their negations test text; a filter on codes matches no text.
    /// </summary>
    internal virtual bool MatchesText(string text) => false;

    /// <summary>The canonical text of the filter; <see cref="Parse"/> reads it back to an equal filter.</summary>
    /// <returns>The filter text.</returns>
    public abstract override string ToString();

    /// <inheritdoc />
    public bool Equals(ReturnCodeFilter? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToString(), other.ToString(), StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReturnCodeFilter);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
