namespace Dnsbl.Client.Messages;

/// <summary>The lookups a message check makes, the keys it does not make (with reasons), and the problems met while reading the message.</summary>
/// <param name="Lookups">Distinct (list, key) pairs, in list order, then in key relevance order.</param>
/// <param name="Problems">The message's own parse problems plus those of the Received chain.</param>
/// <param name="Skipped">Every key found and not asked, each once per reason and list.</param>
internal sealed record MessageKeyPlan(IReadOnlyList<MessageLookup> Lookups, IReadOnlyList<MessageProblem> Problems, IReadOnlyList<MessageSkippedKey> Skipped);
