namespace Dnsbl.Client.Lookups;

/// <summary>
/// A few reusable objects of one kind, shared by all threads: a rent takes any shelved one (or makes a new one), a
/// return shelves it if there is room. Lock-free; meant for objects that come back within microseconds, so a few per
/// core cover a steady flow of cold checks.
/// </summary>
internal sealed class ReusePool<T>
    where T : class
{
    private readonly T?[] _shelf = new T?[Environment.ProcessorCount * 4];

    /// <summary>A shelved object, or null when the shelf is empty.</summary>
    public T? TryRent()
    {
        for (var i = 0; i < _shelf.Length; i++)
        {
            if (_shelf[i] is { } item && Interlocked.CompareExchange(ref _shelf[i], null, item) == item)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Shelves <paramref name="item"/> (already reset by its owner), or drops it when the shelf is full.</summary>
    public void Return(T item)
    {
        for (var i = 0; i < _shelf.Length; i++)
        {
            if (_shelf[i] is null && Interlocked.CompareExchange(ref _shelf[i], item, null) is null)
            {
                return;
            }
        }
    }
}
