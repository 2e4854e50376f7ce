using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    /// <summary>
    /// HashBL rules. <c>check_hashbl_bodyre('zone', 'raw[/max=10][/shuffle]', 'regex'[, 'sub'])</c> becomes a domain
    /// list whose <see cref="DnsList.BodyPattern"/> is the regex, asked raw (bl.btcblack.it's Bitcoin addresses) or hashed
    /// (sha1, md5, sha256, as HashBL hashes). Other options and limits, and the other HashBL evals (e-mail addresses, URIs,
    /// attachments) are reported.
    /// </summary>
    private void ReadHashBl(SourceLine at, string name, string evalText)
    {
        var match = EvalPattern().Match(evalText);
        var arguments = match.Success ? SplitArguments(match.Groups["arguments"].Value) : null;
        var function = match.Success ? match.Groups["function"].Value : "check_hashbl";
        if (function != "check_hashbl_bodyre" || arguments is not { Length: 3 or 4 })
        {
            DefineUnusable(at, name, SpamAssassinLookup.Domains,
                $"HashBL {function} (e-mail addresses, URIs, attachments, or an unreadable line) is not supported; only check_hashbl_bodyre with a zone, options and a regex");
            return;
        }

        string? unusable = null;
        // HashBL's _parse_opts lower-cases the options; an empty string means its default, sha1/max=10/shuffle. The key is
        // hashed as _hash does: sha1/md5 in lower-case hex, sha256 in lower-case RFC 4648 base32 without padding; with
        // no hash named it is asked raw.
        var options = (arguments[1].Trim().Length == 0 ? "sha1/max=10/shuffle" : arguments[1].ToLowerInvariant())
            .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hash = options.Contains("sha256", StringComparer.Ordinal) ? KeyHashAlgorithm.Sha256
            : options.Contains("sha1", StringComparer.Ordinal) ? KeyHashAlgorithm.Sha1
            : options.Contains("md5", StringComparer.Ordinal) ? KeyHashAlgorithm.Md5
            : KeyHashAlgorithm.None;
        if (options.FirstOrDefault(o => o is not ("raw" or "sha1" or "md5" or "sha256" or "shuffle" or "max=10")) is { } other)
        {
            unusable = $"HashBL option '{other}' is not supported (raw, sha1, md5, sha256, max=10 and shuffle are)";
        }

        ReturnCodeFilter? filter = null;
        if (unusable is null && arguments.ElementAtOrDefault(3) is { Length: > 0 } subTest && !SpamAssassinFilter.TryTranslateRbl(subTest, out filter, out var error))
        {
            unusable = error;
        }

        if (unusable is null && !IsValidRegex(arguments[2], out var regexError))
        {
            unusable = $"the body regex cannot be read: {regexError}";
        }

        var zone = ZoneOf(arguments[0]);
        Store(new SpamAssassinRule(name, SpamAssassinLookup.Domains, $"{zone}/body{(hash == KeyHashAlgorithm.None ? "" : "/" + hash)}", at)
        {
            KeyHash = hash,
            Zone = zone,
            Filter = filter,
            Unusable = unusable,
            DomainSources = DomainSources.None,
            DomainForm = DomainQueryForm.FullHostName,
            BodyPattern = arguments[2],
        });
    }

    private static bool IsValidRegex(string pattern, out string error)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            error = string.Empty;
            return true;
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
            return false;
        }
    }
}
