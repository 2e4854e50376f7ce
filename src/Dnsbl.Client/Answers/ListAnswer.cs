using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Answers;

/// <summary>A DNS lookup result read through a list's rules: listed, not listed, or an error kind. Used by lookups and health alike; a struct, as it lives only until it becomes an outcome or evidence.</summary>
internal readonly record struct ListAnswer(ListOutcomeKind Kind, DnsblErrorKind Error, IReadOnlyList<IPAddress> Codes, CodeMatch Match)
{
    /// <summary>The error in words, for results and health evidence.</summary>
    public string? Detail { get; init; }

    /// <summary>The sanitised TXT strings of a <see cref="ListQueryType.Txt"/> list's answer; empty otherwise.</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    /// <summary>How long to cache it for (before clamping); null when it must not be cached.</summary>
    public TimeSpan? TimeToLive { get; init; }
}
