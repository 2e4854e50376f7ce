namespace Dnsbl.Client.Messages;

/// <summary>The lookups a message check makes, and the problems met while reading the message's parts.</summary>
/// <param name="Lookups">Distinct (list, key) pairs, in list order, then in key relevance order.</param>
/// <param name="Problems">The message's own parse problems plus those of the Received chain.</param>
internal sealed record MessageKeyPlan(IReadOnlyList<MessageLookup> Lookups, IReadOnlyList<MessageProblem> Problems);
