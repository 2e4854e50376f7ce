namespace Dnsbl.Client.Messages;

/// <summary>A set of ASCII chars as two 64-bit words, tested inline per char.</summary>
/// <remarks>
/// The scanners' short look-arounds test a char or a few: a SearchValues.Contains call costs more than the test. Two words
/// and not one UInt128: its variable shift is a call-sized sequence of branches that kept the testers from being inlined.
/// </remarks>
internal readonly struct AsciiMask
{
    private readonly ulong low;
    private readonly ulong high;

    /// <param name="low">The members 0-63, bit c for char c.</param>
    /// <param name="high">The members 64-127, bit c - 64 for char c.</param>
    public AsciiMask(ulong low, ulong high) => (this.low, this.high) = (low, high);

    /// <summary>The union of two masks.</summary>
    public static AsciiMask operator |(AsciiMask left, AsciiMask right) => new(left.low | right.low, left.high | right.high);

    /// <summary>Whether the ASCII char <paramref name="c"/> is in the set (false for any other char).</summary>
    public bool Contains(char c) => c < 128 && (((c < 64 ? low : high) >> (c & 63)) & 1) != 0;
}
