using System.Collections.Concurrent;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// The NS and A answers of link names that URI lists resolve (<see cref="Lists.UriLookupVia"/>), shared by the checks
/// of one client: a name asked while its question is in flight joins it, and an answer (records, NXDOMAIN or NODATA)
/// is kept for its TTL, clamped as list answers are. Failures are never kept. Bounded: past the limit expired entries
/// go first, then everything (the names of one message are few; this is not the hot path of IP checks).
/// </summary>
internal sealed class LinkNameCache(TtlPolicy? ttl, TimeProvider time)
{
    private const int SizeLimit = 10_000;
    private readonly ConcurrentDictionary<(string Name, DnsRecordType Type), Entry> _entries = new();

    /// <summary>The answer for <paramref name="name"/> (its NS records, or its A records), asked through <paramref name="resolver"/> unless known or in flight.</summary>
    public Task<ResolvedLinkName> GetAsync(string name, bool nameServers, IDnsResolver resolver, CancellationToken lookupsEnd)
    {
        var key = (name, nameServers ? DnsRecordType.NS : DnsRecordType.A);
        var now = time.GetTimestamp();
        if (_entries.TryGetValue(key, out var known) && (known.ExpiresAt is null || known.ExpiresAt > now))
        {
            return known.Answer;
        }

        if (_entries.Count >= SizeLimit)
        {
            Trim(now);
        }

        var begun = new TaskCompletionSource<ResolvedLinkName>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new Entry(begun.Task, null);
        var winner = _entries.AddOrUpdate(key, entry, (_, old) => old.ExpiresAt is null || old.ExpiresAt > now ? old : entry);
        if (ReferenceEquals(winner, entry))
        {
            _ = ResolveAsync(key, entry, begun, resolver, lookupsEnd);
        }

        return winner.Answer;
    }

    private async Task ResolveAsync((string Name, DnsRecordType Type) key, Entry entry, TaskCompletionSource<ResolvedLinkName> begun, IDnsResolver resolver, CancellationToken lookupsEnd)
    {
        ResolvedLinkName answer;
        TimeSpan? keepFor = null;
        try
        {
            var result = await resolver.ResolveAsync(new DnsQuestion(key.Name, key.Type), lookupsEnd).ConfigureAwait(false);
            answer = Read(result, key.Type);
            keepFor = answer.Failure is null && ttl is not null ? ttl.Clamp(result.TimeToLive) : null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            answer = new ResolvedLinkName([], exception is OperationCanceledException ? "the client was disposed" : exception.Message);
        }

        if (keepFor is { } kept)
        {
            _entries.TryUpdate(key, entry with { ExpiresAt = time.GetTimestamp() + (long)(kept.TotalSeconds * time.TimestampFrequency) }, entry);
        }
        else
        {
            _entries.TryRemove(new KeyValuePair<(string, DnsRecordType), Entry>(key, entry));
        }

        begun.SetResult(answer);
    }

    private static ResolvedLinkName Read(DnsLookupResult result, DnsRecordType type) => result.Status switch
    {
        DnsLookupStatus.Answered => new ResolvedLinkName(type == DnsRecordType.NS
            ? [.. result.Answers.Where(r => r.Type == DnsRecordType.NS && r.Target is not null).Select(r => r.Target!.TrimEnd('.').ToLowerInvariant()).Distinct(StringComparer.Ordinal)]
            : [.. result.Answers.Where(r => r.Type == DnsRecordType.A && r.Address is not null).Select(r => r.Address!.ToString()).Distinct(StringComparer.Ordinal)]),
        DnsLookupStatus.NameError or DnsLookupStatus.NoData => new ResolvedLinkName([]),
        _ => new ResolvedLinkName([], result.Detail is { Length: > 0 } detail ? $"{result.Status} ({detail})" : result.Status.ToString()),
    };

    private void Trim(long now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt is { } expires && expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= SizeLimit)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(Task<ResolvedLinkName> Answer, long? ExpiresAt);
}
