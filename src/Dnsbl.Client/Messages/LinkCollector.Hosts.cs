using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// Hosts and IP literals: normalised on the stack, deduplicated by span; strings only for a host seen the first time.
internal sealed partial class LinkCollector
{
    /// <summary>Adds a host name or IP literal found in a link; invalid names (and names SpamAssassin's <see cref="HostUnderscoreRule"/> rejects) are ignored.</summary>
    public void AddHost(string host, string origin, bool inMarkup, int priority = LinkPriority.Text, bool isMailAddress = false)
    {
        var text = new LazyText(origin, origin);
        AddHost(host, ref text, inMarkup, priority, isMailAddress);
    }

    /// <summary>As <see cref="AddHost(string, string, bool, int, bool)"/>, for a host and origin read in place.</summary>
    public void AddHost(ReadOnlySpan<char> host, ReadOnlySpan<char> origin, bool inMarkup, int priority = LinkPriority.Text, bool isMailAddress = false)
    {
        var text = new LazyText(origin, null);
        AddHost(host, ref text, inMarkup, priority, isMailAddress);
    }

    private void AddHost(ReadOnlySpan<char> host, ref LazyText origin, bool inMarkup, int priority, bool isMailAddress)
    {
        if (RefusesMore() || TryRaiseRecent(host, inMarkup, priority, isMailAddress, out _, out var hash))
        {
            return;
        }

        var given = host;
        host = host.Trim().TrimEnd(TrailingPunctuation);
        if (TryParseIpLiteral(host, out var address))
        {
            var text = address.ToString();
            Add(text, text, address, ref origin, inMarkup, priority, isMailAddress, checkedName: false);
            return;
        }

        KeepRecent(given, isMailAddress, AddName(host.Trim(), ref origin, inMarkup, priority, isMailAddress), hash);
    }

    // host: trimmed, and no IP literal. Returns the index of the link kept for it as a checked name (whose host is host in
    // lower case; see TryRaiseCheckedName), or -1 when it is not kept as one.
    private int AddName(ReadOnlySpan<char> host, ref LazyText origin, bool inMarkup, int priority, bool isMailAddress)
    {
        // ASCII names (nearly all): lower-cased on the stack; valid exactly when the lower-case form is normalised.
        Span<char> name = host.Length <= DomainName.MaxLength ? stackalloc char[host.Length] : [];
        if (host.Length <= DomainName.MaxLength && Ascii.IsValid(host))
        {
            Ascii.ToLower(host, name, out _);
            if (TryRaiseCheckedName(name, inMarkup, priority, isMailAddress, out var index))
            {
                return index; // most links repeat a host: its checks passed when it was first seen
            }

            if (DomainName.IsNormalized(name))
            {
                if (name.Contains('.') && HostUnderscoreRule.Allows(name))
                {
                    var entry = Add(name, null, null, ref origin, inMarkup, priority, isMailAddress, checkedName: true);
                    return (entry & CheckedNameFlag) != 0 ? entry >> 1 : -1;
                }

                return -1;
            }

            if (!name.EndsWith('.'))
            {
                return -1; // the one change normalising makes to ASCII beyond case is a trailing dot
            }
        }

        // A single-label name (intranet host, "localhost") is not a name public lists can hold.
        if (DomainName.TryNormalize(host.ToString(), out var normalized, out _) && normalized.Contains('.', StringComparison.Ordinal)
            && HostUnderscoreRule.Allows(normalized))
        {
            Add(normalized, normalized, null, ref origin, inMarkup, priority, isMailAddress, DomainName.IsNormalized(normalized));
        }

        return -1;
    }

    // Whether name is a host already kept as a checked name (one the ASCII path above would keep again): its link moves
    // up to this link's group as Add would move it, without the name's checks. An IP literal's text or a name that only
    // DomainName.TryNormalize accepts is not a checked name, so those go the whole way.
    private bool TryRaiseCheckedName(ReadOnlySpan<char> name, bool inMarkup, int priority, bool isMailAddress, out int index)
    {
        if (!(isMailAddress ? seenMailDomains : seenHosts).TryGetValue(name, out var entry) || (entry & CheckedNameFlag) == 0)
        {
            index = -1;
            return false;
        }

        index = entry >> 1;
        Raise(index, inMarkup, priority);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a link to a host seen before (most links) ends here
    private void Raise(int index, bool inMarkup, int priority)
    {
        if (priority < links[index].Priority)
        {
            links[index] = links[index] with { Priority = priority, InMarkup = inMarkup };
        }
    }

    // A host seen again in a better group moves up to it, as SpamAssassin files a host under the best group any of its
    // links has. hostText: host as a string when the caller has one (made here only for a host seen the first time).
    // checkedName: host is a name that IsNormalized accepts, with a '.' and allowed by HostUnderscoreRule (see TryRaiseCheckedName).
    // Returns host's entry (see seenHosts).
    private int Add(
        scoped ReadOnlySpan<char> host, string? hostText, IPAddress? address, ref LazyText origin, bool inMarkup, int priority, bool isMailAddress, bool checkedName)
    {
        var seen = isMailAddress ? seenMailDomains : seenHosts;
        if (seen.TryGetValue(host, out var entry))
        {
            Raise(entry >> 1, inMarkup, priority);
            return entry;
        }

        hostText ??= host.ToString();
        entry = (links.Count << 1) | (checkedName ? CheckedNameFlag : 0);
        seen.Dictionary.Add(hostText, entry);
        links.Add(new ExtractedLink(hostText, address, origin.Value, inMarkup, priority, isMailAddress));
        return entry;
    }

    // Browsers read "1.2.3.4", "3232235777", "0xc0.0xa8.1.1" and "[2001:db8::1]" as addresses; so do we.
    private static bool TryParseIpLiteral(ReadOnlySpan<char> host, out IPAddress address)
    {
        address = IPAddress.None;
        if (host.Contains(':'))
        {
            if (IPAddress.TryParse(host, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
            {
                address = AddressClassifier.Canonical(v6);
                return true;
            }

            return false;
        }

        if (!LastLabelStartsWithDigit(host))
        {
            return false; // the last label of every name (nearly every host): not digits, nor "0x"
        }

        var lastLabel = host[(host.LastIndexOf('.') + 1)..];
        if ((TextScan.IsAsciiDigits(lastLabel) || lastLabel.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) &&
            host.IndexOfAnyExcept(NumericHostCharacters) < 0 &&
            IPAddress.TryParse(host, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork)
        {
            address = v4;
            return true;
        }

        return false;
    }

    // Whether host's last label starts with a digit: an IPv4 literal in any form browsers read ("1.2.3.4", "3232235777",
    // "0xc0.0xa8.1.1") does, a name's top-level label does not. Scalar: a host is some 20 chars, its last label a few.
    private static bool LastLabelStartsWithDigit(ReadOnlySpan<char> host)
    {
        var lastLabelStart = host.Length;
        while (lastLabelStart > 0 && host[lastLabelStart - 1] != '.')
        {
            lastLabelStart--;
        }

        return lastLabelStart < host.Length && char.IsAsciiDigit(host[lastLabelStart]);
    }
}
