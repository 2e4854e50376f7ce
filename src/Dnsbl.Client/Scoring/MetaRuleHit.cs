namespace Dnsbl.Client.Scoring;

/// <summary>A meta rule that hit, with the weight it added (0 for <c>__</c> rules).</summary>
/// <param name="Name">The meta rule's name.</param>
/// <param name="Weight">What it added to the score.</param>
public sealed record MetaRuleHit(string Name, double Weight);
