using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Policy;
using static Dnsbl.Client.Tests.Policy.PolicyTestServer;

namespace Dnsbl.Client.Tests.Policy;

/// <summary>Stopping answers what is in flight; Unix sockets get their mode; the status endpoint reports.</summary>
public sealed class DnsblPolicyServerLifetimeTests
{
    [Fact]
    public async Task StopAsync_RequestInFlight_IsAnsweredThenTheConnectionsClose()
    {
        await using var server = await StartAsync();
        using var idle = await server.ConnectAsync();
        Assert.Equal("DUNNO", await idle.AskAsync(Request(CleanClient)));
        server.Resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Resolver.NextQuestion = new TaskCompletionSource<Dnsbl.Client.Dns.Protocol.DnsQuestion>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var busy = await server.ConnectAsync();
        await busy.SendAsync(Request(ListedClient, sender: "a@other.example"));
        await server.Resolver.NextQuestion.Task;

        var stopping = server.Server.StopAsync();
        Assert.Null(await idle.ReadActionAsync()); // waiting for its next request: closed at once
        Assert.False(stopping.IsCompleted);
        server.Resolver.Gate.SetResult();

        Assert.StartsWith("554", await busy.ReadActionAsync());
        Assert.Null(await busy.ReadActionAsync());
        await stopping;
        Assert.Equal(0, server.Server.ActiveConnections);
        await Assert.ThrowsAnyAsync<SocketException>(() => server.ConnectAsync());
    }

    [Fact]
    public async Task StopAsync_GracePeriodEnds_ClosesTheUnansweredConnection()
    {
        // A grace period shorter than the check's deadline (5 s): advancing past both let the deadline answer DUNNO
        // first now and then, a race this test is not about.
        await using var server = await StartAsync(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        server.Resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var busy = await server.ConnectAsync();
        await busy.SendAsync(Request(ListedClient));
        await server.Resolver.NextQuestion.Task;

        var stopping = server.Server.StopAsync();
        server.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await busy.ReadActionAsync());
        await stopping;
        Assert.True(server.Server.Completion.IsCompleted);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task StartAsync_UnixSocket_HasTheConfiguredModeAndAnswers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dnsbl-policy-{Guid.NewGuid():N}.sock");
        await using (var server = await StartAsync(o => { o.Listen.Clear(); o.Listen.Add("unix:" + path); o.UnixSocketMode = "0600"; }))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            using var client = await PolicyTestClient.ConnectAsync(new UnixDomainSocketEndPoint(path));

            Assert.StartsWith("554", await client.AskAsync(Request(ListedClient)));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Status_Get_ReportsCountersAndListHealthAsJson()
    {
        await using var server = await StartAsync(o => o.StatusListen = "127.0.0.1:0");
        using (var client = await server.ConnectAsync())
        {
            await client.AskAsync(Request(ListedClient));
            await client.AskAsync(Request(ListedClient, recipient: "second@example.com"));
        }

        using var http = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await http.ConnectAsync(server.Server.StatusEndPoint!);
        await http.SendAsync("GET /status HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), SocketFlags.None);
        var response = await ReadToEndAsync(http);

        Assert.StartsWith("HTTP/1.1 200 OK", response);
        using var json = JsonDocument.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.Equal(2, json.RootElement.GetProperty("requests").GetProperty("reject").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("requests").GetProperty("transactionCacheHits").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("health").GetProperty("lists").GetArrayLength());
    }

    [Theory]
    [InlineData("localhost:10045")]
    [InlineData("127.0.0.1")]
    [InlineData("::1:10045")]
    [InlineData("unix:")]
    [InlineData("127.0.0.1:99999")]
    public async Task Constructor_BadListenAddress_ThrowsNamingIt(string listen)
    {
        var options = new DnsblPolicyOptions { Listen = [listen] };
        await using var client = new DnsblClient(new DnsblOptions { Lists = [new DnsList("bl.test")], Health = { Enabled = false } });

        var error = Assert.Throws<ArgumentException>(() => new DnsblPolicyServer(client, options));

        Assert.Contains(listen, error.Message);
    }

    [Fact]
    public async Task Constructor_OutOfRangeSettings_ListsEveryProblem()
    {
        var options = new DnsblPolicyOptions { MaxAttributes = 0, MaxConnections = 0, UnixSocketMode = "999" };
        await using var client = new DnsblClient(new DnsblOptions { Lists = [new DnsList("bl.test")], Health = { Enabled = false } });

        var error = Assert.Throws<ArgumentException>(() => new DnsblPolicyServer(client, options));

        Assert.Contains("MaxAttributes", error.Message);
        Assert.Contains("MaxConnections", error.Message);
        Assert.Contains("UnixSocketMode", error.Message);
    }

    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
