using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away Debian Postfix on 127.0.0.1 for integration tests: its own config_directory, queue_directory and
/// data_directory in a temp folder, smtpd on a free port with XCLIENT allowed from loopback, the given recipient
/// restrictions, and mail for <see cref="Domain"/> delivered by virtual(8) into one Maildir the test reads. Its log
/// goes to a file (<see cref="LogPath"/>). Started with <c>postfix -c DIR start</c> (needs root, as the CI runs),
/// stopped with <c>postfix -c DIR stop</c> and a wait for the master's pid.
/// </summary>
public sealed partial class PostfixInstance : IAsyncDisposable
{
    /// <summary>The domain this instance accepts mail for.</summary>
    public const string Domain = "policy.test";

    private const string PostfixCommand = "/usr/sbin/postfix";
    private int _disposed;

    private PostfixInstance(string root, IPEndPoint smtp)
    {
        Root = root;
        SmtpEndPoint = smtp;
    }

    /// <summary>The instance's folder (configuration, queue, data, Maildir, log); deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>Where smtpd listens.</summary>
    public IPEndPoint SmtpEndPoint { get; }

    /// <summary>Postfix's log file (maillog_file).</summary>
    public string LogPath => Path.Combine(Root, "maillog");

    /// <summary>The Maildir's folder of new messages.</summary>
    public string MaildirNew => Path.Combine(Root, "mail", "inbox", "new");

    private string ConfigDirectory => Path.Combine(Root, "etc");

    /// <summary>Writes the configuration and starts the instance; <c>postfix start</c> returns once the master listens.</summary>
    /// <param name="recipientRestrictions">The value of smtpd_recipient_restrictions.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="InvalidOperationException">Postfix is not installed, this is not root, or the instance did not start (the message holds its log).</exception>
    public static async Task<PostfixInstance> StartAsync(string recipientRestrictions, CancellationToken cancellationToken)
    {
        if (!File.Exists(PostfixCommand))
        {
            throw new InvalidOperationException("postfix is not installed: ./build.sh installs it (apt-get install -y postfix).");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("A throw-away Postfix instance needs root (its master runs as root and drops to 'postfix'); run the integration tests as root, as the CI does.");
        }

        var root = Directory.CreateTempSubdirectory("dnsbl-postfix-").FullName;
        var instance = new PostfixInstance(root, new IPEndPoint(IPAddress.Loopback, FreeTcpPort()));
        try
        {
            await instance.WriteConfigurationAsync(recipientRestrictions, cancellationToken).ConfigureAwait(false);
            var (exitCode, output) = await instance.PostfixAsync("start", cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"postfix start exited {exitCode}: {output}\n{instance.ReadLog()}");
            }

            return instance;
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits for <paramref name="count"/> delivered messages (a FileSystemWatcher event, not a poll) and returns them;
    /// a timeout fails with Postfix's log (a deferred delivery says why there).
    /// </summary>
    /// <param name="count">How many messages to wait for.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(int count, CancellationToken cancellationToken)
    {
        using var watcher = new FileSystemWatcher(MaildirNew);
        await WaitForFilesAsync(
            watcher,
            () => Directory.GetFiles(MaildirNew).Length >= count,
            () => $"{Directory.GetFiles(MaildirNew).Length} of {count} messages delivered; Postfix's log:\n{ReadLog()}",
            cancellationToken).ConfigureAwait(false);
        return [.. Directory.GetFiles(MaildirNew).OrderBy(File.GetLastWriteTimeUtc).Select(File.ReadAllText)];
    }

    /// <summary>
    /// Waits until the log holds <paramref name="text"/> and returns the log. postlogd writes it from datagrams, so a
    /// line about an SMTP reply can land after the reply: each write is a FileSystemWatcher event, not a poll.
    /// </summary>
    /// <param name="text">The text to wait for.</param>
    /// <param name="cancellationToken">Ends the wait; the log so far is then in the <see cref="TimeoutException"/>.</param>
    public async Task<string> WaitForLogAsync(string text, CancellationToken cancellationToken)
    {
        using var watcher = new FileSystemWatcher(Root, Path.GetFileName(LogPath));
        await WaitForFilesAsync(
            watcher,
            () => ReadLog().Contains(text, StringComparison.Ordinal),
            () => $"Postfix's log never said '{text}':\n{ReadLog()}",
            cancellationToken).ConfigureAwait(false);
        return ReadLog();
    }

    // Checks done() again on every file event the watcher sees; a cancelled wait fails with what timeoutMessage() says.
    private static async Task WaitForFilesAsync(FileSystemWatcher watcher, Func<bool> done, Func<string> timeoutMessage, CancellationToken cancellationToken)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, _) => changed.TrySetResult();
        watcher.Changed += (_, _) => changed.TrySetResult();
        watcher.Renamed += (_, _) => changed.TrySetResult();
        watcher.EnableRaisingEvents = true;
        try
        {
            while (!done())
            {
                await changed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(timeoutMessage());
        }
    }

    /// <summary>The log so far (for assertion messages).</summary>
    public string ReadLog() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    /// <summary>Stops the instance, waits for its master to exit and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var masterPid = await ReadMasterPidAsync().ConfigureAwait(false);
        if (masterPid is { } pid)
        {
            await PostfixAsync("stop", CancellationToken.None).ConfigureAwait(false);
            try
            {
                using var master = Process.GetProcessById(pid);
                using var stopWait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await master.WaitForExitAsync(stopWait.Token).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        Directory.Delete(Root, recursive: true);
    }

    private async Task<int?> ReadMasterPidAsync()
    {
        var pidFile = Path.Combine(Root, "queue", "pid", "master.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        // The master holds a lock on its pid file, which .NET's own open refuses to share: read it with cat.
        var (exitCode, text) = await RunAsync("/bin/cat", CancellationToken.None, pidFile).ConfigureAwait(false);
        return exitCode == 0 && int.TryParse(text.Trim(), out var pid) ? pid : null;
    }

    private async Task<(int ExitCode, string Output)> PostfixAsync(string verb, CancellationToken cancellationToken) =>
        await RunAsync(PostfixCommand, cancellationToken, "-c", ConfigDirectory, verb).ConfigureAwait(false);

    private static async Task<(int ExitCode, string Output)> RunAsync(string executable, CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false)));
    }

    private static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
