using Dnsbl.Client.Answers;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    // The fleet's answer cache, behind the in-process one; null when the client works alone.
    private readonly ISharedAnswerCache? _shared;

    /// <summary>
    /// Asks the shared cache, once for the whole check, about every list the in-process cache missed, and fills
    /// <paramref name="outcomes"/> with the answers it holds; <paramref name="queryNames"/> receives each asked list's query name.
    /// </summary>
    /// <remarks>A failing shared cache is a miss for every list: the check goes on to DNS.</remarks>
    private async ValueTask AskSharedCacheAsync(ISharedAnswerCache shared, ClientSnapshot snapshot, QueryKey key, int[] slots, ListOutcome[] outcomes, string?[] queryNames, CancellationToken cancellationToken)
    {
        var asked = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (outcomes[i] is null)
            {
                queryNames[i] = QueryNameOf(key, snapshot.Lists[slots[i]].Zone);
                asked++;
            }
        }

        var keys = new SharedAnswerKey[asked];
        var answers = new SharedAnswer?[asked];
        for (int i = 0, k = 0; i < slots.Length; i++)
        {
            if (queryNames[i] is { } name)
            {
                var zone = snapshot.Lists[slots[i]].Zone;
                keys[k++] = new SharedAnswerKey(zone, name[..^(zone.Length + 1)]);
            }
        }

        try
        {
            await shared.GetManyAsync(keys, answers, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.SharedCacheFailed(_logger, exception);
            return;
        }

        for (int i = 0, k = 0; i < slots.Length; i++)
        {
            if (queryNames[i] is { } name && answers[k++] is { } answer && TryAcceptShared(snapshot, slots[i], key.Display, name, keys[k - 1].Name, answer, out var outcome))
            {
                outcomes[i] = outcome;
            }
        }
    }

    /// <summary>
    /// A shared answer read through the list's own rules and kept in the in-process cache; false (a miss) when it reads
    /// as an error (never shared by a client, so foreign or corrupt) or lacks the text this list wants.
    /// </summary>
    private bool TryAcceptShared(ClientSnapshot snapshot, int slot, string input, string queryName, string cacheKey, SharedAnswer shared, out ListOutcome outcome)
    {
        var list = snapshot.Lists[slot];
        var answer = ListAnswerInterpreter.InterpretCodes(list, shared.Codes ?? [], shared.TimeToLive);
        if (answer.Kind == ListOutcomeKind.Error || shared.TimeToLive <= TimeSpan.Zero)
        {
            _metrics.SharedIgnored(list.Name);
            Log.SharedAnswerIgnored(_logger, list.Name, answer.Detail ?? "no time to live left");
            outcome = null!;
            return false;
        }

        if (answer.Kind == ListOutcomeKind.Listed && list.FetchText && (shared.Text is null || shared.Text.Count == 0))
        {
            outcome = null!;
            return false;
        }

        // Shared text is wire text from another process: sanitised again before it can reach an SMTP reply.
        IReadOnlyList<string> text = answer.Kind == ListOutcomeKind.Listed && list.FetchText ? [.. shared.Text!.Select(ListText.Sanitize)] : [];
        outcome = OutcomeFactory.AsCached(OutcomeFactory.FromAnswer(list, input, queryName, answer, text, TimeSpan.Zero));
        _metrics.SharedHit(list.Name);
        snapshot.Cache?.Set(slot, cacheKey, outcome, shared.TimeToLive);
        return true;
    }

    /// <summary>Writes a DNS answer behind to the shared cache with the lifetime the in-process cache gives it; errors are never shared.</summary>
    private void PublishShared(ClientSnapshot snapshot, DnsList list, string queryName, ListAnswer answer, IReadOnlyList<string> text)
    {
        if (_shared is null || answer.Kind is not (ListOutcomeKind.Listed or ListOutcomeKind.NotListed))
        {
            return;
        }

        var lifetime = snapshot.Cache?.Ttl.Clamp(answer.TimeToLive) ?? answer.TimeToLive ?? CachingConstants.MinimumTtl;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            _shared.Publish(new SharedAnswerKey(list.Zone, queryName[..^(list.Zone.Length + 1)]), new SharedAnswer { Codes = answer.Codes, Text = text, TimeToLive = lifetime });
        }
        catch (Exception exception)
        {
            Log.SharedCacheFailed(_logger, exception);
        }
    }
}
