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

    /// <summary>
    /// The answer for a request of transaction <paramref name="instance"/> at <paramref name="protocolState"/>: a tag
    /// only the first time, and never after the message content (access(5): PREPEND cannot act at END-OF-MESSAGE).
    /// </summary>
    public (PolicyOutcome Outcome, string Action) AnswerFor(string? instance, string? protocolState)
    {
        if (_taggedInstances is null)
        {
            return (Outcome, Action);
        }

        if (protocolState == "END-OF-MESSAGE")
        {
            return (PolicyOutcome.Dunno, PolicyActions.Dunno);
        }

        if (string.IsNullOrEmpty(instance))
        {
            return (Outcome, Action);
        }

        lock (_taggedInstances)
        {
            if (_taggedInstances.Count >= MaxRememberedInstances)
            {
                _taggedInstances.Clear();
            }

            return _taggedInstances.Add(instance) ? (Outcome, Action) : (PolicyOutcome.Dunno, PolicyActions.Dunno);
        }
    }
}
