using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>
/// One long-lived SpamAssassin (sa-oracle.pl over the Mail::SpamAssassin API): rules are compiled once, then each
/// message path written to its stdin is checked and answered with one JSON line. Faster than a spamassassin process per
/// message (its start-up is most of the cost) and than spamd (not installed by the spamassassin package).
/// </summary>
internal sealed class SpamAssassinProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CheckPatience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _errors;

    private SpamAssassinProcess(Process process, StringBuilder errors, int scoreSet)
    {
        _process = process;
        _errors = errors;
        ScoreSet = scoreSet;
    }

    /// <summary>The score set SpamAssassin chose (1: network tests on, Bayes off).</summary>
    public int ScoreSet { get; }

    public static async Task<SpamAssassinProcess> StartAsync(string siteDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(OracleSite.ShippedRulesDirectory, "50_scores.cf")))
        {
            throw new InvalidOperationException($"SpamAssassin's shipped rules are not in {OracleSite.ShippedRulesDirectory}: apt-get install -y spamassassin");
        }

        var startInfo = new ProcessStartInfo("perl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(OracleSite.Folder, "sa-oracle.pl"));
        startInfo.ArgumentList.Add(OracleSite.ShippedRulesDirectory);
        startInfo.ArgumentList.Add(siteDirectory);
        // SpamAssassin sends every query to dns_server; a resolver built anywhere else would read these and stay on loopback too.
        startInfo.Environment["RES_NAMESERVERS"] = "127.0.0.1";
        startInfo.Environment["LC_ALL"] = "C";
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start perl.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartPatience);
        var ready = await process.StandardOutput.ReadLineAsync(deadline.Token);
        if (ready is null)
        {
            await process.WaitForExitAsync(CancellationToken.None);
            throw new InvalidOperationException($"SpamAssassin did not start (exit {process.ExitCode}): {Snapshot(errors)}");
        }

        using var json = JsonDocument.Parse(ready);
        return new SpamAssassinProcess(process, errors, json.RootElement.GetProperty("score_set").GetInt32());
    }

    /// <summary>Checks one message file.</summary>
    public async Task<SpamAssassinVerdict> CheckAsync(string messagePath, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(messagePath.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CheckPatience);
        var line = await _process.StandardOutput.ReadLineAsync(deadline.Token)
            ?? throw new InvalidOperationException($"SpamAssassin exited while checking {messagePath}: {Snapshot(_errors)}");
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var hits = root.GetProperty("hits").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        return new SpamAssassinVerdict(root.GetProperty("score").GetDouble(), hits, root.GetProperty("score_set").GetInt32());
    }

    /// <summary>Closes stdin (the script ends on end of input) and waits; kills it by its pid if it does not end.</summary>
    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static string Snapshot(StringBuilder errors)
    {
        lock (errors)
        {
            return errors.ToString();
        }
    }
}
