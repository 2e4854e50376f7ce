using System.Net;

namespace Dnsbl.Client.Caching;

/// <summary>A list's DNS answer as clients share it: the A-record codes (none for NXDOMAIN/NODATA), the TXT text and its remaining lifetime.</summary>
public sealed class SharedAnswer
{
    /// <summary>The A records returned; empty for a negative answer ("not listed").</summary>
    public required IReadOnlyList<IPAddress> Codes { get; init; }

    /// <summary>The TXT records fetched with a listing (empty when none were).</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    /// <summary>How long from now the answer stays fresh.</summary>
    public required TimeSpan TimeToLive { get; init; }
}
