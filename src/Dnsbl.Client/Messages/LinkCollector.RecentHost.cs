namespace Dnsbl.Client.Messages;

// The last host of each kind: a newsletter repeats a host over consecutive links, and a mail domain over every address.
internal sealed partial class LinkCollector
{
    // The index of the link whose host AddHost was last given, of each kind, when it was given exactly as kept (the
    // checked name itself, as nearly every host is written); -1 when not. The same text is read as the same name, whose
    // entry never changes, so its link is raised without reading the host again; the link's host is the copy compared
    // with, so this costs no allocation.
    private int recentLinkHost = -1;
    private int recentMailDomain = -1;

    // Whether hostAsGiven (as AddHost was given it) is the recent host of its kind: then its link is raised as AddName
    // would raise it, and index is that link's.
    private bool TryRaiseRecent(ReadOnlySpan<char> hostAsGiven, bool inMarkup, int priority, bool isMailAddress, out int index)
    {
        index = isMailAddress ? recentMailDomain : recentLinkHost;
        if (generalPathOnly || index < 0 || !hostAsGiven.SequenceEqual(links[index].Host))
        {
            index = -1;
            return false;
        }

        Raise(index, inMarkup, priority);
        return true;
    }

    // index: AddName's answer for hostAsGiven, read.
    private void KeepRecent(ReadOnlySpan<char> hostAsGiven, bool isMailAddress, int index)
    {
        var recent = index >= 0 && hostAsGiven.SequenceEqual(links[index].Host) ? index : -1;
        if (isMailAddress)
        {
            recentMailDomain = recent;
        }
        else
        {
            recentLinkHost = recent;
        }
    }
}
