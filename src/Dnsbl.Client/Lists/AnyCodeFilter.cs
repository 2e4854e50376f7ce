namespace Dnsbl.Client.Lists;

/// <summary>Matches every code (text <c>any</c>).</summary>
internal sealed class AnyCodeFilter : ReturnCodeFilter
{
    public const string Keyword = "any";

    internal override bool Matches(uint code) => true;

    internal override bool MatchesText(string text) => true;

    public override string ToString() => Keyword;
}
