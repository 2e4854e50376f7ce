namespace Dnsbl.Client.Policy;

/// <summary>
/// The answer for one (client, client name, HELO, sender), reused for every recipient of the transaction until it
/// expires. A tag is given once per Postfix transaction (<c>instance</c>): each PREPEND adds a header, and a message
/// with 50 recipients must carry one.
/// </summary>
internal sealed class PolicyDecision
{
    // A handful of transactions share a key at once; past this many the memory starts over (a duplicate header at worst).
    private const int MaxRememberedInstances = 64;
    private readonly HashSet<string>? _taggedInstances;

    public PolicyDecision(PolicyOutcome outcome, string action, DateTimeOffset expires)
    {
        Outcome = outcome;
        Action = action;
        Expires = expires;
        _taggedInstances = outcome == PolicyOutcome.Tag ? new HashSet<string>(StringComparer.Ordinal) : null;
    }

    public PolicyOutcome Outcome { get; }

    /// <summary>The access(5) action, sanitised: one line of printable ASCII.</summary>
    public string Action { get; }

    public DateTimeOffset Expires { get; }

    /// <summary>The action for a request of transaction <paramref name="instance"/>: a tag only the first time.</summary>
    public string ActionFor(string? instance)
    {
        if (_taggedInstances is null || string.IsNullOrEmpty(instance))
        {
            return Action;
        }

        lock (_taggedInstances)
        {
            if (_taggedInstances.Count >= MaxRememberedInstances)
            {
                _taggedInstances.Clear();
            }

            return _taggedInstances.Add(instance) ? Action : PolicyActions.Dunno;
        }
    }
}
