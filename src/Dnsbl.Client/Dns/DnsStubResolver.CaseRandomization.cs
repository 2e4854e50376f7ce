using Dnsbl.Client.Dns.Protocol;
using System.Net;
using System.Security.Cryptography;
using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>
    /// draft-vixie-dnsext-dns0x20: sends the name with each letter's case chosen at random; the transport matches only a
    /// reply whose question echoes that exact spelling. Servers preserve case (rbldnsd does); an off-path forger must
    /// guess it. A wrongly cased reply is dropped like any forgery while the real one is still awaited, so a server that
    /// does not preserve case makes every attempt time out (docs/SECURITY.md).
    /// </summary>
    private ValueTask<DnsExchangeResult> ExchangeWithRandomCaseAsync(DnsQuestion question, IPEndPoint server, CancellationToken cancellationToken)
    {
        var sent = question with { Name = RandomizeCase(question.Name) };
        return _transport.ExchangeAsync(sent, server, Options.AttemptTimeout, requireExactCase: true, cancellationToken);
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
