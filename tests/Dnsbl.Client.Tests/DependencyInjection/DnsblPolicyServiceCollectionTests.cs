using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Policy;
using Dnsbl.Client.Tests.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dnsbl.Client.Tests.DependencyInjection;

public sealed class DnsblPolicyServiceCollectionTests
{
    [Fact]
    public async Task AddDnsblPolicyServer_HostedServiceStarted_AnswersAndStopsWithTheHost()
    {
        var services = new ServiceCollection()
            .AddDnsbl(options =>
            {
                options.Lists.Add(new DnsList("bl.test"));
                options.Nameservers.Add("127.0.0.1:9");
                options.Health.Enabled = false;
            })
            .AddDnsblPolicyServer(options => options.Listen.Add("127.0.0.1:0"))
            .AddDnsblPolicyServer(options => options.MaxConnections = 10);
        await using var provider = services.BuildServiceProvider();
        var hosted = Assert.Single(provider.GetServices<IHostedService>().OfType<DnsblPolicyHostedService>());

        await hosted.StartAsync(CancellationToken.None);
        var endPoint = (IPEndPoint)hosted.Server.LocalEndPoints[0];
        using (var client = await PolicyTestClient.ConnectAsync(endPoint))
        {
            // A private client address is never asked of a list: answered without DNS.
            Assert.Equal("DUNNO", await client.AskAsync("request=smtpd_access_policy\nclient_address=10.1.2.3\n\n"));
        }

        await hosted.StopAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<SocketException>(() => PolicyTestClient.ConnectAsync(endPoint));
    }
}
