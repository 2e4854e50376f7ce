using System.Text;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Redis.Health;

namespace Dnsbl.Client.Tests.Redis.Health;

public sealed class SharedHealthCodecTests
{
    private const string DqsKey = "abcdefghij0123456789abcdef";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
    private static readonly DnsList Keyed = new($"{DqsKey}.zen.dq.spamhaus.net") { Name = "zen-dqs" };

    [Fact]
    public void TryDecodeState_EncodedState_RoundTrips()
    {
        var value = SharedHealthCodec.Encode(State(Keyed), "node-1", Now);

        var record = SharedHealthCodec.TryDecodeState(value, "zen-dqs", Now.AddSeconds(5), out var problem);

        Assert.Null(problem);
        Assert.Equal(ListHealthState.ListsEverything, SharedHealthCodec.StateOf(record!));
        Assert.True(record!.AutoDisabled);
        Assert.Equal(3, record.Failures);
        Assert.Equal("node-1", record.By);
        Assert.Single(record.Evidence);
    }

    [Fact]
    public void Encode_ZoneWithDqsKey_KeyNeverInTheValue()
    {
        // The core redacts before publishing; the codec replaces the raw zone again whatever the caller passed.
        var state = State(Keyed) with { Reason = $"1.0.0.127.{Keyed.Zone} is listed", DisabledReason = $"zone {Keyed.Zone}" };

        var text = Encoding.UTF8.GetString(SharedHealthCodec.Encode(state, "node-1", Now));

        Assert.DoesNotContain(DqsKey, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("listed!")]
    [InlineData("{}")]
    [InlineData("{\"v\":2}")]
    [InlineData("[1,2,3]")]
    public void TryDecodeState_ForeignValue_RejectedWithReason(string value)
    {
        Assert.Null(SharedHealthCodec.TryDecodeState(Encoding.UTF8.GetBytes(value), "zen-dqs", Now, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void TryDecodeState_FiledUnderAnotherList_Rejected()
    {
        var value = SharedHealthCodec.Encode(State(Keyed), "node-1", Now);

        Assert.Null(SharedHealthCodec.TryDecodeState(value, "other-list", Now, out var problem));
        Assert.Equal("filed under another list", problem);
    }

    [Theory]
    [InlineData("\"state\":\"listsEverything\"", "\"state\":\"allGood\"", "unknown state")]
    [InlineData("\"by\":\"node-1\"", "\"by\":\"node 1; DROP\"", "bad node id")]
    [InlineData("\"failures\":3", "\"failures\":-3", "negative count")]
    [InlineData("\"v\":1", "\"v\":1,\"extra\":true", "not a shared health record")]
    public void TryDecodeState_TamperedField_Rejected(string original, string tampered, string expected)
    {
        var text = Encoding.UTF8.GetString(SharedHealthCodec.Encode(State(Keyed), "node-1", Now)).Replace(original, tampered, StringComparison.Ordinal);

        Assert.Null(SharedHealthCodec.TryDecodeState(Encoding.UTF8.GetBytes(text), "zen-dqs", Now, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void TryDecodeState_DatedInTheFutureOrTooOld_Rejected()
    {
        var value = SharedHealthCodec.Encode(State(Keyed), "node-1", Now);

        Assert.Null(SharedHealthCodec.TryDecodeState(value, "zen-dqs", Now - TimeSpan.FromMinutes(5), out var future));
        Assert.Null(SharedHealthCodec.TryDecodeState(value, "zen-dqs", Now + TimeSpan.FromHours(2), out var old));
        Assert.Equal(("dated in the future", "older than any state may live"), (future, old));
    }

    [Fact]
    public void TryDecodeOverride_EncodedDisable_RoundTripsAndForeignRejected()
    {
        var value = SharedHealthCodec.Encode(Keyed, ListHealthOverride.ForceDisabled, "quota", "node-2", Now);

        var record = SharedHealthCodec.TryDecodeOverride(value, "zen-dqs", Now, out var problem);
        var foreign = SharedHealthCodec.TryDecodeOverride(Encoding.UTF8.GetBytes("{\"v\":1,\"list\":\"zen-dqs\",\"value\":\"maybe\",\"reason\":null,\"by\":\"x\",\"at\":1}"), "zen-dqs", Now, out var foreignProblem);

        Assert.Null(problem);
        Assert.Equal((ListHealthOverride.ForceDisabled, "quota"), (SharedHealthCodec.OverrideOf(record!), record!.Reason));
        Assert.Null(foreign);
        Assert.Equal("unknown override value", foreignProblem);
    }

    [Fact]
    public void ListField_ZoneWithDqsKey_HashedAndDistinctPerZone()
    {
        var field = HealthKeys.ListField(Keyed);

        Assert.DoesNotContain(DqsKey, field, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(20, field.Length);
        Assert.NotEqual(field, HealthKeys.ListField(new DnsList("zen.dq.spamhaus.net") { Name = "zen-dqs" }));
    }

    [Theory]
    [InlineData("node-1", true)]
    [InlineData("mx1.example.org-42-0a1b2c3d", true)]
    [InlineData("", false)]
    [InlineData("node 1", false)]
    [InlineData("node\n1", false)]
    public void IsValid_NodeIds_OnlySafeCharacters(string id, bool valid)
    {
        Assert.Equal(valid, NodeIds.IsValid(id));
        Assert.True(NodeIds.IsValid(NodeIds.CreateDefault()));
    }

    private static SharedListHealth State(DnsList list) => new()
    {
        List = list,
        State = ListHealthState.ListsEverything,
        Reason = "127.0.0.1 is listed",
        Evidence = [new ProbeEvidence($"1.0.0.127.{ZoneRedactor.Redact(list.Zone)}", "A", "A 127.0.0.2", Now)],
        AutoDisabled = true,
        DisabledReason = "lists everything",
        LastProbe = Now,
        LastChange = Now,
        ConsecutiveFailures = 3,
    };
}
