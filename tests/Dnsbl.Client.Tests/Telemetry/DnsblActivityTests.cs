using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Client;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Telemetry;

public sealed class DnsblActivityTests
{
    [Fact]
    public async Task CheckAsync_TwoListsAsked_OneCheckActivityParentingAQueryActivityPerList()
    {
        // Activity listeners are process-wide: this test's lists have names no other test uses.
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Dnsbl.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var resolver = new ScriptedResolver().Listed("2.0.0.127.traced-bl.test", 300, "127.0.0.2");
        await using var client = ClientFactory.Create(resolver, new FakeTimeProvider(), null, new DnsList("traced-bl.test"), new DnsList("traced-other.test"));

        await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var queries = stopped.Where(a => a.OperationName == "dnsbl.list.query" && ((string?)a.GetTagItem("dnsbl.list"))?.StartsWith("traced-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["traced-bl.test", "traced-other.test"], queries.Select(a => (string)a.GetTagItem("dnsbl.list")!).Order(StringComparer.Ordinal));
        Assert.All(queries, q => Assert.Equal(ActivityKind.Client, q.Kind));
        var check = Assert.Single(stopped, a => a.SpanId == queries[0].ParentSpanId);
        Assert.Equal("dnsbl.check", check.OperationName);
        Assert.Equal("127.0.0.2", check.GetTagItem("dnsbl.input"));
        Assert.Equal(check.SpanId, queries[1].ParentSpanId);
    }
}
