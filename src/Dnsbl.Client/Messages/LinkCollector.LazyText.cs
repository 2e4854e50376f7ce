namespace Dnsbl.Client.Messages;

internal sealed partial class LinkCollector
{
    // Text read in place that becomes a string only when asked (once): the origin of a link that is kept.
    private ref struct LazyText(ReadOnlySpan<char> span, string? text)
    {
        private readonly ReadOnlySpan<char> span = span;
        private string? text = text;

        public string Value => text ??= span.ToString();
    }
}
