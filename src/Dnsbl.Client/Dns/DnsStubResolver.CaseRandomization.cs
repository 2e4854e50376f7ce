using System.Net;
using System.Security.Cryptography;
using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>
    /// draft-vixie-dnsext-dns0x20: sends the name with each letter's case chosen at random and accepts the reply only if
    /// its question echoes that exact spelling. Servers preserve case (rbldnsd does); an off-path forger must guess it.
    /// A reply that echoes the name in other case is reported malformed, never trusted.
    /// </summary>
    private async ValueTask<DnsLookupResult> ExchangeWithRandomCaseAsync(DnsQuestion question, IPEndPoint server, CancellationToken cancellationToken)
    {
        var sent = question with { Name = RandomizeCase(question.Name) };
        var exchange = await _transport.ExchangeAsync(sent, server, Options.AttemptTimeout, cancellationToken).ConfigureAwait(false);
        if (exchange.Status == DnsExchangeStatus.Response
            && (exchange.Response!.Question is not { } echoed || !string.Equals(echoed.Name.TrimEnd('.'), sent.Name.TrimEnd('.'), StringComparison.Ordinal)))
        {
            exchange = DnsExchangeResult.Malformed($"the reply from {server} does not echo the query name's letter case (0x20)");
        }

        return DnsResponseMapper.Map(question, exchange, server);
    }

    /// <summary>Flips each ASCII letter to upper or lower case by a cryptographically random bit.</summary>
    internal static string RandomizeCase(string name)
    {
        Span<byte> bits = stackalloc byte[(name.Length / 8) + 1];
        RandomNumberGenerator.Fill(bits);
        return string.Create(name.Length, (name, bits.ToArray()), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var c = state.name[i];
                var upper = (state.Item2[i / 8] & (1 << (i % 8))) != 0;
                chars[i] = char.IsAsciiLetter(c) ? (upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) : c;
            }
        });
    }
}
