namespace Dnsbl.Client.Messages;

// Hosts given as kept: a newsletter repeats a few link hosts over its links (LinkCollector.KeptHosts), and one mail domain
// over every address.
internal sealed partial class LinkCollector
{
    // The index of the link whose domain AddHost was last given as a mail domain, when it was given exactly as kept (the
    // checked name itself, as nearly every domain is written); -1 when not. The same text is read as the same name, whose
    // entry never changes, so its link is raised without reading the domain again; the link's host is the copy compared
    // with, so this costs no allocation.
    private int recentMailDomain = -1;

    // Whether hostAsGiven (as AddHost was given it) is a kept link host written as kept but for ASCII case, or the recent
    // mail domain written as kept: then its link is raised as AddName would raise it, and index is that link's. hash:
    // hostAsGiven's when it was looked for among the kept link hosts (for KeepRecent), else 0.
    private bool TryRaiseRecent(ReadOnlySpan<char> hostAsGiven, bool inMarkup, int priority, bool isMailAddress, out int index, out uint hash)
    {
        hash = 0;
        index = generalPathOnly ? -1
            : isMailAddress ? (recentMailDomain >= 0 && hostAsGiven.SequenceEqual(links[recentMailDomain].Host) ? recentMailDomain : -1)
            : FindKeptHost(hostAsGiven, out hash) is var slot and >= 0 ? KeptHostIndex(slot) : -1;
        if (index < 0)
        {
            return false;
        }

        Raise(index, inMarkup, priority);
        return true;
    }

    // index: AddName's answer for hostAsGiven, read; hash: TryRaiseRecent's.
    private void KeepRecent(ReadOnlySpan<char> hostAsGiven, bool isMailAddress, int index, uint hash)
    {
        if (isMailAddress)
        {
            recentMailDomain = index >= 0 && hostAsGiven.SequenceEqual(links[index].Host) ? index : -1;
        }
        else
        {
            KeepHost(hostAsGiven, index, hash);
        }
    }
}
