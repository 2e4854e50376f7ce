using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Messages;

// The HTML's link attributes, handed over as one batch: the plain-link shortcut runs inlined in this loop, with the values
// that every markup link shares as constants, instead of hanging on whether tiered PGO inlines it into the HTML walk.
internal sealed partial class LinkCollector
{
    // PlainHttpRestCharacters but for '&': a value with no '&' holds no entity, so this one pass also tells that the value
    // is read as it is written.
    private static readonly SearchValues<char> PlainMarkupRestCharacters =
        SearchValues.Create("!\"#$')+,-./0123456789;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ]^_`abcdefghijklmnopqrstuvwxyz|}~");

    /// <summary>
    /// Adds the link attribute values of <paramref name="html"/> in their order, each as
    /// <see cref="AddUrl(ReadOnlySpan{char}, bool, bool, int)"/> adds an entity-decoded, trimmed value found in markup.
    /// </summary>
    /// <param name="html">The HTML the values were found in.</param>
    /// <param name="attributes">Each value's priority, start and length, as <see cref="HtmlTags"/> finds them.</param>
    public void AddMarkupUrls(string html, ReadOnlySpan<int> attributes)
    {
        for (var i = 0; i + HtmlTags.IntsPerAttribute <= attributes.Length; i += HtmlTags.IntsPerAttribute)
        {
            var priority = attributes[i];
            var value = html.AsSpan(attributes[i + 1], attributes[i + 2]).Trim(); // no entity is white space, so trimming first changes nothing
            if (generalPathOnly
                || !TryAddPlainHttpLink(value, null, inMarkup: true, priority, MessageConstants.MaxRedirectDepth, markupValue: true))
            {
                AddMarkupUrl(value, priority);
            }
        }
    }

    // A trimmed value that the shortcut declined (or, on the general path only, was not offered): decoded when it holds an
    // entity, and the decoded link goes through AddUrl whole (the shortcut may take it); without one, the shortcut's answer
    // stands (markupValue only adds '&' to what it refuses), so the value goes past it, read in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddMarkupUrl(ReadOnlySpan<char> value, int priority)
    {
        if (value.Contains('&'))
        {
            AddUrl(WebUtility.HtmlDecode(value.ToString()).Trim(), inMarkup: true, requireScheme: false, priority);
        }
        else
        {
            AddUrlNotPlain(value, null, inMarkup: true, requireScheme: false, priority, MessageConstants.MaxRedirectDepth);
        }
    }
}
