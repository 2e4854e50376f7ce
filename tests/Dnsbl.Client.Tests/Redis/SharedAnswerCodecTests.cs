using System.Net;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Redis;

namespace Dnsbl.Client.Tests.Redis;

public sealed class SharedAnswerCodecTests
{
    private const long Now = 1_800_000_000_000;
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void TryDecode_EncodedListing_RoundTripsWithRemainingTtl()
    {
        var value = SharedAnswerCodec.Encode(new SharedAnswer { Codes = [IPAddress.Parse("127.0.0.2"), IPAddress.Parse("127.0.0.4")], Text = ["see https://example.test/?2.0.0.127"], TimeToLive = TimeSpan.FromMinutes(5) }, Now + 300_000);

        var answer = SharedAnswerCodec.TryDecode(value, Now + 100_000, Day, out var problem);

        Assert.Null(problem);
        Assert.Equal(["127.0.0.2", "127.0.0.4"], answer!.Codes.Select(c => c.ToString()));
        Assert.Equal(["see https://example.test/?2.0.0.127"], answer.Text);
        Assert.Equal(TimeSpan.FromSeconds(200), answer.TimeToLive);
    }

    [Fact]
    public void TryDecode_NegativeAnswer_HasNoCodes()
    {
        var value = SharedAnswerCodec.Encode(new SharedAnswer { Codes = [], TimeToLive = TimeSpan.FromMinutes(1) }, Now + 60_000);

        Assert.Empty(SharedAnswerCodec.TryDecode(value, Now, Day, out _)!.Codes);
    }

    [Theory]
    [InlineData("6c697374656421")] // "listed!": another program's value
    [InlineData("d101")] // truncated
    [InlineData("d1010000000000000000")] // header only
    [InlineData("d102008d1b8ea30100000000")] // another version
    public void TryDecode_ForeignOrCorrupt_RejectedWithReason(string hex)
    {
        Assert.Null(SharedAnswerCodec.TryDecode(Convert.FromHexString(hex), Now, Day, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void TryDecode_CodeOutsideLoopback_Rejected()
    {
        var value = SharedAnswerCodec.Encode(new SharedAnswer { Codes = [IPAddress.Parse("127.0.0.2")], TimeToLive = TimeSpan.FromMinutes(1) }, Now + 60_000);
        value[11] = 10; // 10.0.0.2

        Assert.Null(SharedAnswerCodec.TryDecode(value, Now, Day, out var problem));
        Assert.Equal("a code outside 127.0.0.0/8", problem);
    }

    [Fact]
    public void TryDecode_ClaimsToLiveLongerThanAllowed_Rejected()
    {
        var value = SharedAnswerCodec.Encode(new SharedAnswer { Codes = [], TimeToLive = TimeSpan.FromDays(30) }, Now + (long)TimeSpan.FromDays(30).TotalMilliseconds);

        Assert.Null(SharedAnswerCodec.TryDecode(value, Now, Day, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void TryDecode_TrailingBytes_Rejected()
    {
        var value = SharedAnswerCodec.Encode(new SharedAnswer { Codes = [], TimeToLive = TimeSpan.FromMinutes(1) }, Now + 60_000);

        Assert.Null(SharedAnswerCodec.TryDecode([.. value, 0], Now, Day, out var problem));
        Assert.Equal("trailing bytes", problem);
    }

    [Fact]
    public void AnswerKey_KeyedZone_NeverHoldsTheZoneInClear()
    {
        const string zone = "abcdefghijklmnopqrstuvwxyz234567.zen.dq.spamhaus.net";
        var key = new RedisKeys("dnsbl:").AnswerKey(new SharedAnswerKey(zone, "2.0.0.127")).ToString();

        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz234567", key, StringComparison.Ordinal);
        Assert.Equal($"dnsbl:a:{RedisKeys.ZoneHash(zone)}:2.0.0.127", key);
    }
}
