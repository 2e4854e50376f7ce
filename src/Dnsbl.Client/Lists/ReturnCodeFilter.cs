using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Dnsbl.Client.Lists;

/// <summary>
/// A predicate over IPv4 return codes (A records in 127.0.0.0/8): exact address, postscreen octet pattern
/// (<c>127.0.0.[2..11]</c>, <c>127.0.0.[2;4;6..8]</c>), CIDR, bitmask (any bit / all bits) or a negation.
/// Immutable and thread-safe.
/// </summary>
public abstract class ReturnCodeFilter
{
    // CONTRACT (Lists owner implements): Parse/TryParse of the syntax above, factories Exact, Cidr, AnyBits, AllBits, Not, Any,
    // internal abstract bool Matches(uint code) on the big-endian value, public Matches(IPAddress), ToString() round-trips Parse.
    private protected ReturnCodeFilter()
    {
    }

    /// <summary>Whether <paramref name="code"/> (an IPv4 address) satisfies the filter.</summary>
    /// <param name="code">The returned A record.</param>
    /// <returns>True on a match; false for any non-IPv4 address.</returns>
    public bool Matches(IPAddress code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Matches(0u) && false;
    }

    /// <summary>Parses postscreen filter syntax.</summary>
    /// <param name="text">The filter text.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="FormatException">The text is not a valid filter; the message says where.</exception>
    public static ReturnCodeFilter Parse(string text) => throw new NotImplementedException();

    /// <summary>Tries to parse postscreen filter syntax.</summary>
    /// <param name="text">The filter text.</param>
    /// <param name="filter">The filter, when parsing succeeded.</param>
    /// <returns>True when the text was valid.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out ReturnCodeFilter? filter) => throw new NotImplementedException();

    internal abstract bool Matches(uint code);
}
