namespace Dnsbl.Client.Lists;

/// <summary>Matches one address (text <c>127.0.0.2</c>).</summary>
internal sealed class ExactCodeFilter(uint address) : ReturnCodeFilter
{
    public uint Address { get; } = address;

    internal override bool Matches(uint code) => code == Address;

    public override string ToString() => IPv4Value.Format(Address);
}
