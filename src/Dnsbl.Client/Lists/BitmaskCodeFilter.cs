using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>Matches codes with any (text <c>anybits:0xc</c>) or all (text <c>allbits:0xc</c>) bits of a mask set.</summary>
internal sealed class BitmaskCodeFilter(uint mask, bool requireAll) : ReturnCodeFilter
{
    public const string AnyBitsKeyword = "anybits";
    public const string AllBitsKeyword = "allbits";

    // SpamAssassin and URIBL documentation call the any-bit test a "bitmask".
    public const string BitmaskKeyword = "bitmask";

    internal override bool Matches(uint code) => requireAll ? (code & mask) == mask : (code & mask) != 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(requireAll ? AllBitsKeyword : AnyBitsKeyword)}:0x{mask:x}");
}
