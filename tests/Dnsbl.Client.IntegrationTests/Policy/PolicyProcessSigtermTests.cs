using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.IntegrationTests.Policy;

/// <summary>
/// <c>dnsbl policy</c> as systemd runs it, a process of its own, stopped with SIGTERM: a request whose answer is still
/// being looked up is answered before the process exits 0; a connection waiting for its next request is closed.
/// </summary>
public sealed class PolicyProcessSigtermTests
{
    private const string ListedClient = "7.7.7.7";

    [Fact]
    public async Task Sigterm_RequestInFlight_AnsweredThenExitsClean()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        // An in-process server because the answer must be held until the stop has begun (rbldnsd answers at once).
        var zones = new ZoneSet().Add("held.test", ZoneDatasetType.Ip4Set, $":127.0.0.2:Listed\n{ListedClient}\n");
        await using var dns = await InProcessDnsServer.StartAsync(zones, cancellationToken: timeout.Token);
        await using var policy = StartPolicy(dns.EndPoint);
        var port = int.Parse((await policy.WaitForLineAsync(@"listening on 127\.0\.0\.1:(\d+)", TimeSpan.FromSeconds(60))).Groups[1].Value, CultureInfo.InvariantCulture);

        using var idle = await ConnectAsync(port, timeout.Token);
        using var busy = await ConnectAsync(port, timeout.Token);
        dns.Gate.Close();
        await busy.SendAsync(Encoding.ASCII.GetBytes(Request(ListedClient)), SocketFlags.None, timeout.Token);
        await dns.Gate.WaitForHeldAsync(1, timeout.Token);

        using (var kill = Process.Start("kill", ["-TERM", policy.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, kill.ExitCode);
        }

        // The idle connection is closed by the stop: the stop has begun while the busy request's answer is held.
        Assert.Equal(string.Empty, await ReadToEndAsync(idle, timeout.Token));
        Assert.False(policy.HasExited, "the process exited before its request in flight was answered");
        dns.Gate.Open();

        var answer = await ReadToEndAsync(busy, timeout.Token);
        Assert.StartsWith("action=554 5.7.1", answer, StringComparison.Ordinal);
        Assert.Contains("held.test", answer, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", answer, StringComparison.Ordinal);
        await policy.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, policy.ExitCode);
        Assert.Contains("Policy service stopped; 0 connections were closed with a request in flight", policy.Output, StringComparison.Ordinal);
    }

    private static string Request(string client) =>
        $"request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\nclient_address={client}\nclient_name=unknown\n" +
        "helo_name=mx.sender.example.net\nsender=someone@example.org\nrecipient=user@example.com\ninstance=a.1\n\n";

    private static async Task<Socket> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        return socket;
    }

    private static async Task<string> ReadToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static CliProcess StartPolicy(IPEndPoint dns) =>
        CliProcess.Start(CliBuild.AssemblyPath(), "policy", "--list", "held.test*6", "--reject", "5", "--dns", dns.ToString(),
            "--listen", "127.0.0.1:0", "--no-probe", "--timeout", "60000");
}
