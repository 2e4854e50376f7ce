namespace Dnsbl.Client.Lists;

/// <summary>Matches what its inner filter does not (text <c>!filter</c>).</summary>
internal sealed class NegatedCodeFilter(ReturnCodeFilter inner) : ReturnCodeFilter
{
    public ReturnCodeFilter Inner { get; } = inner;

    internal override bool Matches(uint code) => !Inner.Matches(code);

    internal override bool MatchesText(string text) => !Inner.MatchesText(text);

    public override string ToString() => "!" + Inner.ToString();
}
