using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Resilience;

public sealed class ListCircuitBreakerTests
{
    private static readonly TimeSpan Sampling = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly ListCircuitBreaker _breaker;

    public ListCircuitBreakerTests() => _breaker = new ListCircuitBreaker(_time, 0.9, 20, Sampling, Break);

    private long Now => _time.GetTimestamp();

    [Fact]
    public void TryEnter_NewBreaker_AdmitsWithoutTrial()
    {
        Assert.True(_breaker.TryEnter(Now, out var isTrial));
        Assert.False(isTrial);
    }

    [Fact]
    public void Record_FailuresBelowMinimumThroughput_StaysClosed()
    {
        RecordMany(LookupVerdict.Failed, 19);

        Assert.True(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public void Record_EveryLookupFailsAtMinimumThroughput_Opens()
    {
        RecordMany(LookupVerdict.Failed, 20);

        Assert.False(_breaker.TryEnter(Now, out _));
    }

    [Theory]
    [InlineData(18, true)] // 18 of 20 = the 0.9 ratio
    [InlineData(17, false)]
    public void Record_FailureRatioOfTwenty_OpensFromTheRatioOn(int failures, bool opens)
    {
        RecordMany(LookupVerdict.Answered, 20 - failures);
        RecordMany(LookupVerdict.Failed, failures);

        Assert.Equal(opens, !_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public async Task Record_AnswersFromManyThreads_AllCountAgainstTheFailures()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            RecordMany(LookupVerdict.Answered, 250);
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(workers);

        RecordMany(LookupVerdict.Failed, 500); // 500 of 1,500: far under the ratio, but all of 500 if answers went uncounted

        Assert.True(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public void Record_FailuresOlderThanTheSamplingWindow_SlideOut()
    {
        RecordMany(LookupVerdict.Failed, 19);
        _time.Advance(Sampling + TimeSpan.FromSeconds(1));

        RecordMany(LookupVerdict.Failed, 1);

        Assert.True(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public void Record_FailuresSpreadInsideTheWindow_StillOpen()
    {
        for (var i = 0; i < 20; i++)
        {
            RecordMany(LookupVerdict.Failed, 1);
            _time.Advance(TimeSpan.FromSeconds(1)); // 20 failures over 20 s: all inside 30 s
        }

        Assert.False(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public void Record_CancelledLookups_CountNeitherWay()
    {
        RecordMany(LookupVerdict.NoVerdict, 100);
        RecordMany(LookupVerdict.Failed, 19);

        Assert.True(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public void TryEnter_AfterTheBreak_AdmitsOneTrialAndRefusesOthersWhileItRuns()
    {
        Open();
        _time.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.False(_breaker.TryEnter(Now, out _));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(_breaker.TryEnter(Now, out var isTrial));
        Assert.True(isTrial);
        Assert.False(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public void Record_TrialAnswered_ClosesAndForgetsTheOldFailures()
    {
        var isTrial = OpenUntilTheTrial();

        _breaker.Record(LookupVerdict.Answered, Now, isTrial);
        RecordMany(LookupVerdict.Failed, 19);

        Assert.True(_breaker.TryEnter(Now, out var next));
        Assert.False(next);
    }

    [Fact]
    public void Record_TrialFailed_OpensForAnotherFullBreak()
    {
        var isTrial = OpenUntilTheTrial();

        _breaker.Record(LookupVerdict.Failed, Now, isTrial);

        _time.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.False(_breaker.TryEnter(Now, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_breaker.TryEnter(Now, out var again));
        Assert.True(again);
    }

    [Fact]
    public void Record_TrialCancelled_NextLookupBecomesTheTrial()
    {
        var isTrial = OpenUntilTheTrial();

        _breaker.Record(LookupVerdict.NoVerdict, Now, isTrial);

        Assert.True(_breaker.TryEnter(Now, out var next));
        Assert.True(next);
    }

    [Fact]
    public void Record_LookupThatEnteredBeforeItOpened_ChangesNothing()
    {
        Open();

        _breaker.Record(LookupVerdict.Answered, Now, isTrial: false);

        Assert.False(_breaker.TryEnter(Now, out _));
    }

    [Fact]
    public async Task Record_ManyThreadsFailingAtOnce_OpensOnceAndLosesNoCount()
    {
        var breaker = new ListCircuitBreaker(_time, 0.9, 4000, Sampling, Break);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < 999; i++)
            {
                breaker.Record(LookupVerdict.Failed, Now, isTrial: false);
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(workers);
        Assert.True(breaker.TryEnter(Now, out _)); // 3,996 of the 4,000 needed

        for (var i = 0; i < 4; i++)
        {
            breaker.Record(LookupVerdict.Failed, Now, isTrial: false);
        }

        Assert.False(breaker.TryEnter(Now, out _));
    }

    [Theory]
    [InlineData("Answered", "Answered")]
    [InlineData("NameError", "Answered")]
    [InlineData("NoData", "Answered")]
    [InlineData("Refused", "Answered")]
    [InlineData("Malformed", "Answered")]
    [InlineData("OtherResponseCode", "Answered")]
    [InlineData("Timeout", "Failed")]
    [InlineData("ServerFailure", "Failed")]
    [InlineData("NetworkError", "Failed")]
    public void Judge_FinalStatus_FailsOnlyWhenNoServerAnswered(string status, string expected)
    {
        var result = new DnsLookupResult { Question = new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A), Status = Enum.Parse<DnsLookupStatus>(status) };

        Assert.Equal(Enum.Parse<LookupVerdict>(expected), ListCircuitBreaker.Judge(result));
    }

    // Opens the circuit, waits out the break and enters as the trial.
    private bool OpenUntilTheTrial()
    {
        Open();
        _time.Advance(Break);
        Assert.True(_breaker.TryEnter(Now, out var isTrial));
        return isTrial;
    }

    private void Open()
    {
        RecordMany(LookupVerdict.Failed, 20);
        Assert.False(_breaker.TryEnter(Now, out _));
    }

    private void RecordMany(LookupVerdict verdict, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(_breaker.TryEnter(Now, out var isTrial));
            _breaker.Record(verdict, Now, isTrial);
        }
    }
}
