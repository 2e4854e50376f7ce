using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    /// <summary>
    /// URI lists asked through DNS (a link's host addresses, its domain's name servers or their addresses): the names
    /// are resolved first, in parallel and shared by every list of the check (and, through the client's cache, by
    /// other checks), under the check's deadline; then the lists are asked about what was found. A name still
    /// unanswered at the deadline is reported as unresolved, never waited for past it.
    /// </summary>
    private async ValueTask<DnsblMessageResult> ResolveLinksThenCheckAsync(ClientSnapshot snapshot, MessageKeyPlan plan, MessageOptions options, long started, CancellationToken cancellationToken)
    {
        var asked = new Dictionary<(string Name, bool NameServers), Task<ResolvedLinkName>>();
        Task<ResolvedLinkName> Ask(string name, bool nameServers)
        {
            // Name-server answers arrive on other threads and ask for addresses while the first questions still start.
            lock (asked)
            {
                if (!asked.TryGetValue((name, nameServers), out var answer))
                {
                    answer = snapshot.LinkNames.GetAsync(name, nameServers, _resolver, _lookupsEnd);
                    asked[(name, nameServers)] = answer;
                }

                return answer;
            }
        }

        var addressesOfNameServers = LinkExpansion.NeedsNameServerAddresses(plan);
        var work = new List<Task>();
        foreach (var (name, nameServers) in LinkExpansion.Questions(plan))
        {
            var answer = Ask(name, nameServers);
            work.Add(nameServers && addressesOfNameServers ? AskAddressesOfAsync(answer) : answer);
        }

        async Task AskAddressesOfAsync(Task<ResolvedLinkName> nameServers)
        {
            var found = await nameServers.ConfigureAwait(false);
            Task[] addresses = [.. found.Values.Select(ns => Ask(ns, nameServers: false))];
            await Task.WhenAll(addresses).ConfigureAwait(false);
        }

        var remaining = snapshot.Settings.Deadline - _time.GetElapsedTime(started);
        try
        {
            if (remaining > TimeSpan.Zero)
            {
                await Task.WhenAll(work).WaitAsync(remaining, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            // Whatever has not answered by now is reported per name below; the lists still get the rest of the check.
        }

        cancellationToken.ThrowIfCancellationRequested();
        ResolvedLinkName AnswerOf(string name, bool nameServers)
        {
            lock (asked)
            {
                return asked.TryGetValue((name, nameServers), out var answer) && answer.IsCompletedSuccessfully ? answer.Result : ResolvedLinkName.DeadlinePassed;
            }
        }

        var resolved = LinkExpansion.Expand(plan, AnswerOf, options);
        return await CheckPlan(snapshot, resolved, started, cancellationToken).ConfigureAwait(false);
    }
}
