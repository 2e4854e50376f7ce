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
    public void TryJoin_EveryWaiterLeftButNotGivenUp_RevivesWithAFreshToken()
    {
        var interest = new QueryInterest();
        var old = interest.Abandoned;
        interest.Leave();

        Assert.True(interest.TryJoin()); // the query was already sent: its answer is worth joining

        Assert.True(old.IsCancellationRequested);
        Assert.False(interest.IsAbandoned);
        Assert.False(interest.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public void TryGiveUp_WhileAWaiterRemains_FailsAndTheQueryStays()
    {
        var interest = new QueryInterest();

        Assert.False(interest.TryGiveUp());
        Assert.False(interest.IsGivenUp);
    }

    [Fact]
    public void TryJoin_AfterGivenUp_FailsForGood()
    {
        var interest = new QueryInterest();
        interest.Leave();
        Assert.True(interest.TryGiveUp());

        Assert.False(interest.TryJoin());
        interest.Leave(); // an extra leave does not bring it back to life either
        Assert.False(interest.TryJoin());
        Assert.True(interest.IsGivenUp);
    }

    [Fact]
    public void TryJoin_RevivingALookupWhoseSharedQuestionWasGivenUp_Fails()
    {
        var shared = new QueryInterest();
        var lookup = new QueryInterest();
        lookup.LeaveWhenAbandoned(shared);
        lookup.Leave();
        Assert.True(shared.TryGiveUp());

        Assert.False(lookup.TryJoin());
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
