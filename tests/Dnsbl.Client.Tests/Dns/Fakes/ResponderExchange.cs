using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Fakes;

/// <summary>One UDP query seen by <see cref="LoopbackDnsResponder"/>, and the ways to answer it.</summary>
internal sealed class ResponderExchange(DnsMessage query, IPEndPoint client, LoopbackDnsResponder responder)
{
    public DnsMessage Query { get; } = query;

    public IPEndPoint Client { get; } = client;

    public static DnsMessage AnswerA(DnsMessage query, string address, uint timeToLive = 300) =>
        DnsMessage.CreateResponse(
            query,
            DnsResponseCode.NoError,
            answers: [new DnsRecord(query.Question!.Value.Name, DnsRecordType.A, timeToLive) { Address = IPAddress.Parse(address) }]);

    public void Reply(DnsMessage response) => responder.Send(response.ToArray(), Client, fromOtherPort: false);

    public void Reply(byte[] datagram) => responder.Send(datagram, Client, fromOtherPort: false);

    public void ReplyFromOtherPortRaw(byte[] datagram) => responder.Send(datagram, Client, fromOtherPort: true);

    public void ReplyFromOtherPort(DnsMessage response) => responder.Send(response.ToArray(), Client, fromOtherPort: true);
}
