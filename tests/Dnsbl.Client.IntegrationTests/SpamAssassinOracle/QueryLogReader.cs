using System.Net;
using System.Text;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Testing.Server;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// Cuts rbldnsd's query log into one segment per oracle step. After a step the harness asks a marker name and then a
/// fence name: rbldnsd serves one datagram at a time, so when the fence is answered the marker (and everything the step
/// sent before it) has been logged. The segment is every list query logged before the marker.
/// </summary>
internal sealed class QueryLogReader(string path, IPEndPoint server, IReadOnlyCollection<string> zones)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private long _offset;
    private int _step;

    /// <summary>The list queries logged since the previous cut.</summary>
    public async Task<IReadOnlyList<LoggedQuery>> CutAsync(CancellationToken cancellationToken)
    {
        var step = ++_step;
        var marker = $"m{step}.{OracleSite.MarkerZone}";
        await AskAsync(marker, (ushort)step, cancellationToken);
        await AskAsync($"f{step}.{OracleSite.MarkerZone}", (ushort)(step + 30000), cancellationToken);

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var queries = new List<LoggedQuery>();
        var consumed = 0;
        foreach (var line in text.Split('\n'))
        {
            consumed += line.Length + 1;
            if (line.Contains($" {marker} ", StringComparison.OrdinalIgnoreCase))
            {
                _offset += consumed;
                return queries;
            }

            if (LoggedQuery.Parse(line, zones) is { } query)
            {
                queries.Add(query);
            }
        }

        throw new InvalidOperationException($"rbldnsd answered the fence after {marker} but did not log the marker; the log has: {text}");
    }

    private async Task AskAsync(string name, ushort id, CancellationToken cancellationToken)
    {
        _ = await LoopbackQuery.ExchangeUdpAsync(server, new DnsQuestion(name, DnsRecordType.A), id, Patience, cancellationToken)
            ?? throw new InvalidOperationException($"rbldnsd did not answer the log marker {name}.");
    }
}
