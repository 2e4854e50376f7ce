namespace Dnsbl.Client.Tests.Messages;

/// <summary>Runs work on a thread of its own: one whose thread-static scratch (LinkCollector, MessageKeyPlanner) starts empty.</summary>
internal static class FreshThread
{
    public static T Run<T>(Func<T> work)
    {
        var result = default(T);
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result!;
    }
}
