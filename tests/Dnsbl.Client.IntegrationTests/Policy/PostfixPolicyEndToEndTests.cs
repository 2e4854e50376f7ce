using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Policy;

namespace Dnsbl.Client.IntegrationTests.Policy;

/// <summary>Real Debian Postfix asks the policy service at RCPT TO; mail is delivered (or not) as its answers say.</summary>
[Collection(nameof(PostfixPolicyEndToEndTests))]
public sealed class PostfixPolicyEndToEndTests : IClassFixture<PostfixPolicyFixture>
{
    private static readonly string Recipient = $"user@{PostfixInstance.Domain}";
    private readonly PostfixPolicyFixture _fixture;

    public PostfixPolicyEndToEndTests(PostfixPolicyFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Rcpt_ListedClient_Is554NamingTheList()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var smtp = await SmtpSession.ConnectAsync(_fixture.Postfix.SmtpEndPoint, timeout.Token);

        Assert.StartsWith("250", await smtp.BeginAsync(PostfixPolicyFixture.ListedClient, "mx.sender.example.net", "someone@example.org", timeout.Token));
        var reply = await smtp.SendAsync($"RCPT TO:<{Recipient}>", timeout.Token);

        Assert.StartsWith("554 5.7.1", reply);
        Assert.Contains("blocked using black.test", reply);
        Assert.Contains($"[{PostfixPolicyFixture.ListedClient}]", reply);
    }

    [Fact]
    public async Task Rcpt_ListedSenderDomain_Is554NamingTheDomainList()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var smtp = await SmtpSession.ConnectAsync(_fixture.Postfix.SmtpEndPoint, timeout.Token);

        await smtp.BeginAsync(PostfixPolicyFixture.CleanClient, "mx.sender.example.net", $"bulk@{PostfixPolicyFixture.ListedSenderDomain}", timeout.Token);
        var reply = await smtp.SendAsync($"RCPT TO:<{Recipient}>", timeout.Token);

        Assert.StartsWith("554 5.7.1", reply);
        Assert.Contains("blocked using dbl.test", reply);
    }

    [Fact]
    public async Task Delivery_CleanAndAllowListedClients_AreDeliveredAndTheCleanOneCarriesItsScoreOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var before = Directory.Exists(_fixture.Postfix.MaildirNew) ? Directory.GetFiles(_fixture.Postfix.MaildirNew).Length : 0;

        await using (var clean = await SmtpSession.ConnectAsync(_fixture.Postfix.SmtpEndPoint, timeout.Token))
        {
            await clean.BeginAsync(PostfixPolicyFixture.CleanClient, "mx.clean.example.net", "someone@example.org", timeout.Token);
            // Three recipients, one transaction: one check, one header.
            foreach (var mailbox in new[] { "a", "b", "c" })
            {
                Assert.StartsWith("250", await clean.SendAsync($"RCPT TO:<{mailbox}@{PostfixInstance.Domain}>", timeout.Token));
            }

            Assert.StartsWith("250", await clean.DataAsync("Subject: clean\n\nclean body", timeout.Token));
        }

        await using (var allowed = await SmtpSession.ConnectAsync(_fixture.Postfix.SmtpEndPoint, timeout.Token))
        {
            await allowed.BeginAsync(PostfixPolicyFixture.AllowListedClient, "mx.allowed.example.net", "someone@example.org", timeout.Token);
            Assert.StartsWith("250", await allowed.SendAsync($"RCPT TO:<{Recipient}>", timeout.Token));
            Assert.StartsWith("250", await allowed.DataAsync("Subject: allowed\n\nallowed body", timeout.Token));
        }

        // virtual(8) writes one Maildir file per recipient: three for the clean message, one for the allowed one.
        var messages = await _fixture.Postfix.WaitForMessagesAsync(before + 4, timeout.Token);
        var cleanCopies = messages.Where(m => m.Contains("Subject: clean", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, cleanCopies.Count);
        Assert.All(cleanCopies, copy => Assert.Single(copy.Split('\n'), line => line.StartsWith("X-Dnsbl-Score: 0", StringComparison.Ordinal)));
        var allowedCopy = Assert.Single(messages, m => m.Contains("Subject: allowed", StringComparison.Ordinal));
        Assert.DoesNotContain("X-Dnsbl-Score", allowedCopy);
    }

    [Fact]
    public async Task Rcpt_PolicyServiceStopped_DefaultActionDunnoLetsMailThrough()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stopped = new DnsblPolicyServer(_fixture.Client, new DnsblPolicyOptions { Listen = ["127.0.0.1:0"], RunHealthProbing = false });
        await stopped.StartAsync(timeout.Token);
        var port = ((System.Net.IPEndPoint)stopped.LocalEndPoints[0]).Port;
        await stopped.DisposeAsync();
        await using var postfix = await PostfixInstance.StartAsync(PostfixPolicyFixture.Restrictions(port), timeout.Token);
        await using var smtp = await SmtpSession.ConnectAsync(postfix.SmtpEndPoint, timeout.Token);

        await smtp.BeginAsync(PostfixPolicyFixture.ListedClient, "mx.sender.example.net", "someone@example.org", timeout.Token);
        var reply = await smtp.SendAsync($"RCPT TO:<{Recipient}>", timeout.Token);

        // Listed, but nobody answers on the policy port: Postfix applies default_action=DUNNO and accepts.
        Assert.StartsWith("250", reply);
        Assert.Contains("problem talking to server 127.0.0.1:" + port, await postfix.WaitForLogAsync("problem talking to server", timeout.Token));
    }
}
