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
    private async ValueTask AskSharedCacheAsync(ISharedAnswerCache shared, ClientSnapshot snapshot, QueryKey key, int[] slots, ListOutcome[] outcomes, string?[] queryNames, CancellationToken cancellationToken)
    {
        var asked = new List<SharedQuestion>(slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            if (outcomes[i] is null && IsShareable(snapshot.Lists[slots[i]]))
            {
                queryNames[i] = QueryNameOf(key, snapshot.Lists[slots[i]].Zone);
                asked.Add(new SharedQuestion(i, slots[i], key.Display, queryNames[i]!));
            }
        }

        await AskSharedCacheAsync(shared, snapshot, asked, outcomes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One read of the shared cache for <paramref name="asked"/>; each answer it holds that reads well becomes
    /// <paramref name="outcomes"/>[question.Index]. A failing shared cache is a miss for every question: the check goes on to DNS.
    /// </summary>
    private async ValueTask AskSharedCacheAsync(ISharedAnswerCache shared, ClientSnapshot snapshot, List<SharedQuestion> asked, ListOutcome[] outcomes, CancellationToken cancellationToken)
    {
        if (asked.Count == 0)
        {
            return;
        }

        var keys = new SharedAnswerKey[asked.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            var zone = snapshot.Lists[asked[k].Slot].Zone;
            keys[k] = new SharedAnswerKey(zone, asked[k].QueryName[..^(zone.Length + 1)]);
        }

        var answers = new SharedAnswer?[keys.Length];
        try
        {
            await shared.GetManyAsync(keys, answers, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.SharedCacheFailed(_logger, exception);
            return;
        }

        for (var k = 0; k < keys.Length; k++)
        {
            var question = asked[k];
            if (answers[k] is { } answer && TryAcceptShared(snapshot, question.Slot, question.Input, question.QueryName, keys[k].Name, answer, out var outcome))
            {
                outcomes[question.Index] = outcome;
            }
        }
    }

    /// <summary>
    /// Whether the list's answers go through the shared cache: its entries are A answers keyed by (zone, name), so a
    /// TXT-only list (whose listing is a TXT record) stays out rather than read another list's A answer for the same name.
    /// </summary>
    private static bool IsShareable(DnsList list) => list.QueryType == ListQueryType.A;

    /// <summary>One list lookup the in-process cache could not answer: where its outcome goes, its list slot, input and query name.</summary>
    private readonly record struct SharedQuestion(int Index, int Slot, string Input, string QueryName);

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
        outcome = OutcomeFactory.FromAnswer(list, input, queryName, answer, text, TimeSpan.Zero, fromCache: true);
        _metrics.SharedHit(list.Name);
        snapshot.Cache?.Set(slot, cacheKey, outcome, shared.TimeToLive);
        return true;
    }

    /// <summary>Writes a DNS answer behind to the shared cache with the lifetime the in-process cache gives it; errors are never shared.</summary>
    private void PublishShared(ClientSnapshot snapshot, DnsList list, string queryName, ListAnswer answer, IReadOnlyList<string> text)
    {
        if (_shared is null || answer.Kind is not (ListOutcomeKind.Listed or ListOutcomeKind.NotListed) || !IsShareable(list))
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
