using Dnsbl.Client.Caching;

namespace Dnsbl.Client.Tests.Caching;

public sealed class InFlightLookupsTests
{
    [Fact]
    public void Join_RunningLookupWithAWaiter_JoinsIt()
    {
        var inFlight = new InFlightLookups(1);
        var first = inFlight.Join(0, "2.0.0.127.bl.example", out var begun);

        var second = inFlight.Join(0, "2.0.0.127.bl.example", out var joinedBegun);

        Assert.NotNull(begun);
        Assert.Null(joinedBegun);
        Assert.Same(first, second);
        InFlightLookups.InterestOf(first).Leave();
        Assert.False(InFlightLookups.InterestOf(first).IsAbandoned); // the joiner still waits
    }

    [Fact]
    public void Join_LookupEveryWaiterLeftStillRunning_JoinsItAgain()
    {
        var inFlight = new InFlightLookups(1);
        var running = inFlight.Join(0, "2.0.0.127.bl.example", out _);
        InFlightLookups.InterestOf(running).Leave();

        Assert.Same(running, inFlight.Join(0, "2.0.0.127.bl.example", out var begun));
        Assert.Null(begun);
    }

    [Fact]
    public void Join_LookupGivenUpUnsent_BeginsAFreshOne()
    {
        var inFlight = new InFlightLookups(1);
        var abandoned = inFlight.Join(0, "2.0.0.127.bl.example", out var oldBegun);
        InFlightLookups.InterestOf(abandoned).Leave();
        Assert.True(InFlightLookups.InterestOf(abandoned).TryGiveUp());

        var fresh = inFlight.Join(0, "2.0.0.127.bl.example", out var begun);

        Assert.NotSame(abandoned, fresh);
        Assert.NotNull(begun);
        Assert.False(InFlightLookups.InterestOf(fresh).IsAbandoned);

        // The given-up lookup ends later; it must not take the fresh one out of the table.
        inFlight.Finish(0, "2.0.0.127.bl.example", oldBegun!, null!);
        Assert.Same(fresh, inFlight.Join(0, "2.0.0.127.bl.example", out _));
    }
}
