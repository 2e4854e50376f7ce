using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Client;

internal static class ClientFactory
{
    public static DnsblClient Create(ScriptedResolver resolver, TestTimeProvider time, Action<DnsblOptions>? configure = null, params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        configure?.Invoke(options);
        return new DnsblClient(options, resolver, null, time, null);
    }
}
