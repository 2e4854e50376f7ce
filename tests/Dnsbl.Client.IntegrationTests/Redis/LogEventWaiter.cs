using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.IntegrationTests.Redis;

/// <summary>A logger factory whose <see cref="Logged"/> completes when an event with the awaited id is logged (a real event to wait on, not a sleep).</summary>
internal sealed class LogEventWaiter(int awaitedEventId) : ILoggerFactory, ILogger
{
    private readonly TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Logged => _logged.Task;

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == awaitedEventId)
        {
            _logged.TrySetResult();
        }
    }

    public void Dispose()
    {
    }
}
