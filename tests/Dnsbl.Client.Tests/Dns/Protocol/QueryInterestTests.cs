using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

public sealed class QueryInterestTests
{
    [Fact]
    public void Leave_LastWaiter_AbandonsAndCancelsTheTokenAskedBefore()
    {
        var interest = new QueryInterest();
        Assert.True(interest.TryJoin());
        var token = interest.Abandoned;

        interest.Leave();
        Assert.False(token.IsCancellationRequested); // one waiter is left
        interest.Leave();

        Assert.True(interest.IsAbandoned);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void Abandoned_AskedAfterTheLastWaiterLeft_IsAlreadyCancelled()
    {
        var interest = new QueryInterest();
        interest.Leave();

        Assert.True(interest.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public void TryJoin_AfterAbandoned_FailsAndStaysAbandoned()
    {
        var interest = new QueryInterest();
        interest.Leave();

        Assert.False(interest.TryJoin());
        interest.Leave(); // an extra leave does not bring it back to life either
        Assert.False(interest.TryJoin());
        Assert.True(interest.IsAbandoned);
    }

    [Fact]
    public void LeaveWhenAbandoned_SharedQuestion_AbandonedOnlyWhenEveryLookupIs()
    {
        var shared = new QueryInterest();
        var first = new QueryInterest();
        var second = new QueryInterest();
        first.LeaveWhenAbandoned(shared);
        Assert.True(shared.TryJoin());
        second.LeaveWhenAbandoned(shared);

        first.Leave();
        Assert.False(shared.IsAbandoned);
        second.Leave();

        Assert.True(shared.IsAbandoned);
    }
}
