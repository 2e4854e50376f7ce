using Dnsbl.Client.Policy;
using static Dnsbl.Client.Tests.Policy.PolicyTestServer;

namespace Dnsbl.Client.Tests.Policy;

/// <summary>Whatever a peer sends, each connection is bounded and answered or closed, and the server serves on.</summary>
public sealed class DnsblPolicyServerHostileClientTests
{
    [Fact]
    public async Task Request_MalformedLine_AnswersErrorActionAndKeepsTheConnection()
    {
        await using var server = await StartAsync(o => o.ErrorAction = PolicyErrorAction.DeferIfPermit);
        using var client = await server.ConnectAsync();

        var malformed = await client.AskAsync("request=smtpd_access_policy\nthis line has no equals sign\nclient_address=7.7.7.7\n\n");
        var askedForMalformed = server.Resolver.AskedCount;
        var next = await client.AskAsync(Request(ListedClient));

        Assert.StartsWith("DEFER_IF_PERMIT", malformed);
        Assert.StartsWith("554", next);
        Assert.Equal(1, server.Server.Metrics.Answered(PolicyOutcome.BadRequest));
        Assert.Equal(0, askedForMalformed);
    }

    [Theory]
    [InlineData("request=smtpd_other_policy\nclient_address=7.7.7.7\n\n")]
    [InlineData("client_address=7.7.7.7\n\n")]
    [InlineData("\n")]
    public async Task Request_UnknownOrMissingRequestType_AnswersErrorAction(string request)
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        Assert.Equal("DUNNO", await client.AskAsync(request));
        Assert.Equal(0, server.Resolver.AskedCount);
        Assert.StartsWith("554", await client.AskAsync(Request(ListedClient)));
    }

    [Fact]
    public async Task Request_AttributeOverTheSizeCap_IsAnsweredThenClosed()
    {
        await using var server = await StartAsync(o => o.MaxAttributeBytes = 512);
        using var client = await server.ConnectAsync();
        var ended = ConnectionEnded(server);

        var action = await client.AskAsync("request=smtpd_access_policy\nsender=" + new string('x', 513 - "sender=".Length));

        Assert.Equal("DUNNO", action);
        Assert.Null(await client.ReadActionAsync());
        await ended;
        Assert.Equal(0, server.Server.ActiveConnections);
    }

    [Fact]
    public async Task Request_MoreAttributesThanTheCap_IsAnsweredThenClosed()
    {
        await using var server = await StartAsync(o => o.MaxAttributes = 10);
        using var client = await server.ConnectAsync();
        var ended = ConnectionEnded(server);

        var action = await client.AskAsync("request=smtpd_access_policy\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"x{i}=y\n")) + "\n");

        Assert.Equal("DUNNO", action);
        Assert.Null(await client.ReadActionAsync());
        await ended;
        Assert.Equal(0, server.Resolver.AskedCount);
    }

    [Fact]
    public async Task Connection_NeverSendsTheEmptyLine_IsClosedAtTheIdleTimeout()
    {
        await using var server = await StartAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(30));
        using var client = await server.ConnectAsync();
        Assert.StartsWith("554", await client.AskAsync(Request(ListedClient))); // the idle timer is armed before an answer leaves
        var ended = ConnectionEnded(server);
        await client.SendAsync("request=smtpd_access_policy\nclient_address=7.7.7.7\n");

        server.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(ended.IsCompleted);
        server.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await client.ReadActionAsync());
        await ended;
        Assert.Equal(0, server.Server.ActiveConnections);
    }

    [Fact]
    public async Task Connections_AThousandAtOnce_AreAllAnswered()
    {
        await using var server = await StartAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => server.ConnectAsync()));
        try
        {
            var actions = await Task.WhenAll(clients.Select((c, i) => c.AskAsync(Request(i % 2 == 0 ? ListedClient : CleanClient))));

            Assert.Equal(500, actions.Count(a => a!.StartsWith("554", StringComparison.Ordinal)));
            Assert.Equal(500, actions.Count(a => a == "DUNNO"));
            Assert.Equal(1000, server.Server.ActiveConnections);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task Connection_OverTheLimit_IsClosedAtOnceAndTheOthersServeOn()
    {
        await using var server = await StartAsync(o => o.MaxConnections = 2);
        using var first = await server.ConnectAsync();
        using var second = await server.ConnectAsync();
        Assert.NotNull(await first.AskAsync(Request(CleanClient)));
        Assert.NotNull(await second.AskAsync(Request(CleanClient)));

        using var third = await server.ConnectAsync();
        var refused = await third.AskAsync(Request(CleanClient));

        Assert.Null(refused);
        Assert.StartsWith("554", await first.AskAsync(Request(ListedClient)));
        Assert.Equal(2, server.Server.ActiveConnections);
    }

    internal static Task ConnectionEnded(PolicyTestServer server)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Server.ConnectionEnded += () => ended.TrySetResult();
        return ended.Task;
    }
}
