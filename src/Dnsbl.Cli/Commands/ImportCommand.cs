using System.CommandLine;
using Dnsbl.Client.Configuration;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl import postscreen main.cf</c> and <c>dnsbl import spamassassin FILE...</c>: print the equivalent
/// configuration JSON on stdout and each line that could not be imported on stderr. Exit 0, or 2 when a file is missing.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var mainCf = new Argument<string>("main.cf") { Description = "The Postfix main.cf holding postscreen_dnsbl_sites and friends." };
        var postscreen = new Command("postscreen", "Import postscreen_dnsbl_sites, its threshold and allow-list threshold from a Postfix main.cf.") { mainCf };
        postscreen.SetAction((parsed, cancellationToken) => ImportPostfixAsync(console, parsed.GetValue(mainCf)!, cancellationToken));

        var files = new Argument<string[]>("files")
        {
            Description = "SpamAssassin .cf files, read in order (later score lines win), e.g. 20_dnsbl_tests.cf 50_scores.cf local.cf.",
            Arity = ArgumentArity.OneOrMore,
        };
        var scoreSet = new Option<int>("--score-set")
        {
            Description = "Which score of four-value score lines to use: 0 (no network, no Bayes), 1 (network, no Bayes: the default), 2 (Bayes), 3 (network and Bayes).",
            DefaultValueFactory = _ => SpamAssassinImportOptions.DefaultScoreSet,
        };
        scoreSet.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 3)
            {
                result.AddError("--score-set must be 0, 1, 2 or 3.");
            }
        });
        var nameServerRules = new Option<NameServerRuleMode>("--ns-rules")
        {
            Description = "How uridnssub rules (URIBL_SBL, URIBL_SBL_A...) are imported: AsSpamAssassin4Runs (the default: the same hits as SpamAssassin 4.0, whose 'ns' rules never hit) or AsDocumented.",
            DefaultValueFactory = _ => NameServerRuleMode.AsSpamAssassin4Runs,
        };
        var spamAssassin = new Command("spamassassin", "Import the DNS list rules, meta rules and scores of SpamAssassin configuration files.") { files, scoreSet, nameServerRules };
        spamAssassin.SetAction((parsed, cancellationToken) =>
            ImportSpamAssassinAsync(console, parsed.GetValue(files) ?? [], cancellationToken, parsed.GetValue(scoreSet), parsed.GetValue(nameServerRules)));

        postscreen.WithExamples(
            "dnsbl import postscreen /etc/postfix/main.cf > postscreen.json",
            "dnsbl import postscreen /etc/postfix/main.cf > postscreen.json && dnsbl check 192.0.2.99 --config postscreen.json");
        spamAssassin.WithExamples(
            "dnsbl import spamassassin /usr/share/spamassassin/*.cf /etc/spamassassin/local.cf > sa.json",
            "dnsbl import spamassassin /usr/share/spamassassin/*.cf > sa.json && dnsbl check --config sa.json --message message.eml");
        return new Command("import", "Print the Dnsbl JSON configuration equivalent to a postscreen or SpamAssassin configuration (for --config or appsettings.json).")
        {
            postscreen,
            spamAssassin,
        }.WithExamples(
            "dnsbl import postscreen /etc/postfix/main.cf > postscreen.json",
            "dnsbl import spamassassin /usr/share/spamassassin/*.cf > sa.json && dnsbl health --config sa.json");
    }

    internal static async Task<int> ImportPostfixAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        var text = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(console, PostfixImporter.Import(text), cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<int> ImportSpamAssassinAsync(CliConsole console, string[] paths, CancellationToken cancellationToken, int scoreSet = SpamAssassinImportOptions.DefaultScoreSet, NameServerRuleMode nameServerRules = NameServerRuleMode.AsSpamAssassin4Runs)
    {
        var files = new (string FileName, string Text)[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            files[i] = (Path.GetFileName(paths[i]), await ReadAsync(paths[i], cancellationToken).ConfigureAwait(false));
        }

        var result = SpamAssassinImporter.Import(new SpamAssassinImportOptions { ScoreSet = scoreSet, NameServerRules = nameServerRules }, files);
        var exit = await WriteAsync(console, result, cancellationToken).ConfigureAwait(false);
        var rules = result.Lists.Sum(l => l.Rules.Count);
        await console.Error.WriteLineAsync(
            $"dnsbl import: {result.Lists.Count} lists with {rules} rules, {result.MetaRules.Count} meta rules; {result.Problems.Count} lines reported").ConfigureAwait(false);
        return exit;
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read '{path}': {missing.Message}");
        }
    }

    private static async Task<int> WriteAsync(CliConsole console, DnsblImportResult result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await console.Output.WriteLineAsync(DnsblConfigurationJson.Write(result)).ConfigureAwait(false);
        foreach (var problem in result.Problems)
        {
            await console.Error.WriteLineAsync($"dnsbl import: {problem}").ConfigureAwait(false);
        }

        return ExitCodes.Clean;
    }
}
