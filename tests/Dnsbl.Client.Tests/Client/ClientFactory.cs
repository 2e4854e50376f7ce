using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

internal static class ClientFactory
{
    public static DnsblClient Create(ScriptedResolver resolver, FakeTimeProvider time, Action<DnsblOptions>? configure = null, params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        configure?.Invoke(options);
        return new DnsblClient(options, resolver, null, time, null);
    }
}
