using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client;

/// <summary>What one list said about one input, with everything needed to explain it. Immutable.</summary>
public sealed class ListOutcome
{
    /// <summary>The list asked.</summary>
    public required DnsList List { get; init; }

    /// <summary>The input this outcome is about (an address, a domain, a link's domain).</summary>
    /// <remarks>
    /// Empty for a not-listed answer served from the cache: one shared outcome per list keeps a million cached answers
    /// within 200 MB. <see cref="DnsblCheckResult.Input"/> (or the message lookup's key) names the input then.
    /// </remarks>
    public required string Input { get; init; }

    /// <summary>The query name sent (empty when the list was skipped, the input was invalid for it, or a not-listed answer came from the cache).</summary>
    public string QueryName { get; init; } = string.Empty;

    /// <summary>What the list said.</summary>
    public required ListOutcomeKind Kind { get; init; }

    /// <summary>The A records returned (return codes), including error codes.</summary>
    public IReadOnlyList<IPAddress> Codes { get; init; } = [];

    /// <summary>The TXT records returned, when the list fetches them.</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    /// <summary>The rules that matched (each adds its weight once).</summary>
    public IReadOnlyList<ReturnCodeRule> MatchedRules { get; init; } = [];

    /// <summary>The sum of the matched rules' weights (0 unless <see cref="Kind"/> is <see cref="ListOutcomeKind.Listed"/>).</summary>
    public double Weight { get; init; }

    /// <summary>Why the lookup failed, when <see cref="Kind"/> is <see cref="ListOutcomeKind.Error"/>.</summary>
    public DnsblErrorKind Error { get; init; }

    /// <summary>Details of the error in words (e.g. the refusal code and its meaning).</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Why the list was skipped (e.g. <c>disabled: lists everything</c>).</summary>
    public string? SkipReason { get; init; }

    /// <summary>How long the lookup took (zero from the cache).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Whether the answer came from the cache.</summary>
    public bool FromCache { get; init; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ListOutcomeKind.Listed => $"{List.Name}: listed {Input} ({string.Join(", ", Codes)}) weight {Weight}",
        ListOutcomeKind.Error => $"{List.Name}: error {Error} for {Input}{(ErrorDetail is null ? "" : $" ({ErrorDetail})")}",
        ListOutcomeKind.Skipped => $"{List.Name}: skipped ({SkipReason})",
        _ => $"{List.Name}: not listed {Input}",
    };
}
