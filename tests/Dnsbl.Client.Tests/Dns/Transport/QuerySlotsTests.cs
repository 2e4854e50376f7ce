using Dnsbl.Client.Dns.Transport;

namespace Dnsbl.Client.Tests.Dns.Transport;

public sealed class QuerySlotsTests
{
    [Fact]
    public void TryTake_UntilNoneFree_FailsWithoutWaiting()
    {
        var slots = new QuerySlots(2);

        Assert.True(slots.TryTake());
        Assert.True(slots.TryTake());
        Assert.False(slots.TryTake());
        Assert.Equal(0, slots.Free);
    }

    [Fact]
    public async Task TakeAsync_NoneFree_WaitsUntilASlotIsReturned()
    {
        var slots = new QuerySlots(1);
        Assert.True(slots.TryTake());

        var waiting = slots.TakeAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        slots.Return();

        await waiting;
        Assert.Equal(0, slots.Free); // the returned slot went to the waiter, not back to the pool
    }

    [Fact]
    public async Task Return_SeveralWaiting_HandsSlotsOutInOrder()
    {
        var slots = new QuerySlots(1);
        Assert.True(slots.TryTake());
        var first = slots.TakeAsync(CancellationToken.None);
        var second = slots.TakeAsync(CancellationToken.None);

        slots.Return();
        await first;
        Assert.False(second.IsCompleted);

        slots.Return();
        await second;
    }

    [Fact]
    public async Task Return_WaiterCancelled_SlotGoesToTheNextWaiterOrBackToThePool()
    {
        var slots = new QuerySlots(1);
        Assert.True(slots.TryTake());
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.TakeAsync(cancel.Token);
        var next = slots.TakeAsync(CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        slots.Return();
        await next;
        Assert.Equal(0, slots.Free);

        slots.Return();
        Assert.Equal(1, slots.Free);
    }

    [Fact]
    public void Return_Several_FreesThatMany()
    {
        var slots = new QuerySlots(3);
        Assert.True(slots.TryTake());
        Assert.True(slots.TryTake());

        slots.Return(2);

        Assert.Equal(3, slots.Free);
    }

    [Fact]
    public async Task TakeAndReturn_ManyThreadsAtOnce_NeverMoreTakenThanSlotsAndAllFreeAfter()
    {
        const int Capacity = 4;
        var slots = new QuerySlots(Capacity);
        var holders = 0;
        var most = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < 2_000; i++)
            {
                if (!slots.TryTake())
                {
                    await slots.TakeAsync(CancellationToken.None);
                }

                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref most, now);
                Interlocked.Decrement(ref holders);
                slots.Return();
            }
        })).ToArray();

        start.SetResult();
        await Task.WhenAll(workers);

        Assert.InRange(most, 1, Capacity);
        Assert.Equal(Capacity, slots.Free);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    [Fact]
    public async Task TakeAsync_LineFull_ShedsAndALaterReturnStillReachesTheWaiter()
    {
        var slots = new QuerySlots(1, maxWaiting: 1);
        Assert.True(slots.TryTake());
        var waiting = slots.TakeAsync(CancellationToken.None);

        Assert.False(await slots.TakeAsync(CancellationToken.None)); // shed: the line holds one
        slots.Return();

        Assert.True(await waiting);
        slots.Return();
        Assert.Equal(1, slots.Free); // the shed taker's place cost nothing once passed
    }

    [Fact]
    public async Task TakeAsync_AfterAShedTakerAndAHandOver_QueuesInsteadOfShedding()
    {
        var slots = new QuerySlots(1, maxWaiting: 1);
        Assert.True(slots.TryTake());
        var first = slots.TakeAsync(CancellationToken.None);
        Assert.False(await slots.TakeAsync(CancellationToken.None)); // the line (one place) is full: shed

        slots.Return();
        Assert.True(await first);

        // The line is empty now. Before, the shed taker's place stayed counted until a return passed it, so this taker
        // was shed too, and each shed added another such place: the cascade.
        var second = slots.TakeAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, slots.Waiting);
        slots.Return();
        Assert.True(await second);
    }

    [Fact]
    public async Task TakeAsync_AfterAWaiterGaveUp_ItsPlaceIsFreeAtOnce()
    {
        var slots = new QuerySlots(1, maxWaiting: 2);
        Assert.True(slots.TryTake());
        using var cancel = new CancellationTokenSource();
        var givingUp = slots.TakeAsync(cancel.Token);
        var staying = slots.TakeAsync(CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givingUp);

        // No return has passed the cancelled place, yet it no longer counts: a new taker queues instead of being shed.
        var next = slots.TakeAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        Assert.Equal(2, slots.Waiting);

        slots.Return();
        Assert.True(await staying);
        slots.Return();
        Assert.True(await next);
        slots.Return();
        Assert.Equal(1, slots.Free);
    }

    [Fact]
    public async Task TakeAsync_ManyThreadsCancellingAndShedding_NeverMoreTakenThanSlotsAndAllFreeAfter()
    {
        const int Capacity = 2;
        var slots = new QuerySlots(Capacity, maxWaiting: 4);
        var holders = 0;
        var most = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < 2_000; i++)
            {
                using var cancel = new CancellationTokenSource();
                var taking = slots.TakeAsync(cancel.Token);
                if ((i + worker) % 3 == 0)
                {
                    await cancel.CancelAsync(); // gives up at once, or right after being handed a slot
                }

                bool taken;
                try
                {
                    taken = await taking;
                }
                catch (OperationCanceledException)
                {
                    continue;
                }

                if (!taken)
                {
                    continue; // shed
                }

                InterlockedMax(ref most, Interlocked.Increment(ref holders));
                Interlocked.Decrement(ref holders);
                slots.Return();
            }
        })).ToArray();

        start.SetResult();
        await Task.WhenAll(workers);

        Assert.InRange(most, 1, Capacity);
        Assert.Equal(Capacity, slots.Free);
        Assert.Equal(0, slots.Waiting);
    }
}
