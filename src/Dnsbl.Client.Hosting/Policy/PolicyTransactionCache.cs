using System.Collections.Concurrent;

namespace Dnsbl.Client.Policy;

/// <summary>
/// Decisions by (client, client name, HELO, sender), so the recipients of one transaction cost one check. Bounded:
/// when full, expired decisions go first, and if none has expired everything goes (a cheap, rare reset: the client's
/// own answer cache still holds the DNS answers).
/// </summary>
internal sealed class PolicyTransactionCache
{
    private readonly ConcurrentDictionary<string, PolicyDecision> _decisions = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public PolicyTransactionCache(int capacity) => _capacity = capacity;

    public int Count => _decisions.Count;

    public static string KeyOf(PolicyRequest request) =>
        string.Join('\n', request.ClientAddress, request.ClientName, request.HeloName, request.Sender);

    public bool TryGet(string key, DateTimeOffset now, out PolicyDecision decision)
    {
        if (_decisions.TryGetValue(key, out decision!) && decision.Expires > now)
        {
            return true;
        }

        return false;
    }

    public void Add(string key, PolicyDecision decision, DateTimeOffset now)
    {
        if (_decisions.Count >= _capacity)
        {
            foreach (var entry in _decisions)
            {
                if (entry.Value.Expires <= now)
                {
                    _decisions.TryRemove(entry);
                }
            }

            if (_decisions.Count >= _capacity)
            {
                _decisions.Clear();
            }
        }

        _decisions[key] = decision;
    }
}
