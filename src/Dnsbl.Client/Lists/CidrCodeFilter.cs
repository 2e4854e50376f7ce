using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>Matches a CIDR block (text <c>127.0.0.0/24</c>).</summary>
internal sealed class CidrCodeFilter : ReturnCodeFilter
{
    private readonly uint _network;
    private readonly uint _mask;
    private readonly int _prefixLength;

    public CidrCodeFilter(uint network, int prefixLength)
    {
        _mask = MaskOf(prefixLength);
        _network = network & _mask;
        _prefixLength = prefixLength;
    }

    // A shift by 32 is a shift by 0 in C#, so /0 is handled apart.
    public static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    internal override bool Matches(uint code) => (code & _mask) == _network;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{IPv4Value.Format(_network)}/{_prefixLength}");
}
