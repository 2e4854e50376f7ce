namespace Dnsbl.Client.Messages;

// The scan limit: what is refused past it is reported once, so a message cut short never reads as fully checked.
internal sealed partial class LinkCollector
{
    private bool fullReported;

    /// <summary>
    /// Whether a further link is refused because the scan limit is reached; the first refusal is reported
    /// (<see cref="MessageProblemKind.TooManyLinks"/>), so a message cut short never reads as fully checked.
    /// </summary>
    public bool RefusesMore() => IsFull && RefuseReported();

    // RefusesMore past the limit, apart so that the test of the limit is inlined where every link asks it.
    private bool RefuseReported()
    {
        if (!fullReported)
        {
            fullReported = true;
            Problems.Add(MessageProblem.Create(
                MessageProblemKind.TooManyLinks,
                $"the message links to more than {MessageConstants.MaxLinksScanned} distinct hosts; later links are not read or asked"));
        }

        return true;
    }
}
