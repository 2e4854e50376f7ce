using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// <see cref="MessageOptions.RedirectorPatterns"/> compiled once per list instance: each pattern runs with a match timeout
/// (a configured pattern must not hang a check), and the first one whose group 1 holds a '.' names the target, as
/// SpamAssassin's <c>uri_list_canonicalize</c> (Mail::SpamAssassin::Util) tries its <c>redirector_patterns</c> in order.
/// </summary>
/// <remarks>
/// The timeout is wall-clock time, so a garbage collection or a descheduled thread counts against it: a pattern that runs
/// out of time is tried once more, and only a second timeout gives up on it, which the caller reports as a problem of
/// the message (<see cref="MessageProblemKind.PatternTimedOut"/>) rather than as "no target".
/// </remarks>
internal sealed partial class RedirectorPatternSet
{
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, RedirectorPatternSet> Compiled = [];

    private readonly Regex[] patterns;

    // For each pattern, the texts its every match contains (RequiredTexts): a link without them is not matched against it.
    private readonly string[][] required;

    // One key text of every pattern (KeyOf), searched for in one pass (ignoring case): a link holding none of them
    // cannot match any pattern. Null when some pattern requires no text, so any link may match it.
    private readonly SearchValues<string>? anyPatternKey;

    private RedirectorPatternSet(Regex[] patterns, string[][] required)
    {
        (this.patterns, this.required) = (patterns, required);
        if (required.Length > 0 && Array.TrueForAll(required, texts => texts.Length > 0))
        {
            string[] keys = [.. required.Select(KeyOf).Distinct(StringComparer.OrdinalIgnoreCase)];
            anyPatternKey = SearchValues.Create(keys, StringComparison.OrdinalIgnoreCase);
            keyHeadsBeforeSlash = HeadsBeforeSlash(keys);
            keyStarts = KeyStartsOf(keys);
            shortestKey = keys.Min(key => key.Length);
        }
    }

    /// <summary>No configured patterns: only the built-in rule applies.</summary>
    public static RedirectorPatternSet Empty { get; } = new([], []);

    /// <summary>Whether any pattern is configured.</summary>
    public bool HasPatterns => patterns.Length > 0;

    /// <summary>The compiled form of <paramref name="patterns"/>, built on first use of that list instance.</summary>
    /// <exception cref="ArgumentException">A pattern is not a valid .NET regular expression or has no group 1.</exception>
    public static RedirectorPatternSet For(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Count == 0 ? Empty : Compiled.GetValue(patterns, static list => Compile(list, MessageConstants.RedirectorMatchTimeout));
    }

    /// <summary>
    /// <paramref name="patterns"/> compiled with <paramref name="matchTimeout"/> instead of
    /// <see cref="MessageConstants.RedirectorMatchTimeout"/>, not cached: for tests of what the patterns match, which must not
    /// depend on how busy the machine is, and of what a timeout does.
    /// </summary>
    internal static RedirectorPatternSet For(IReadOnlyList<string> patterns, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return Compile(patterns, matchTimeout);
    }

    /// <summary>Why <paramref name="pattern"/> cannot be a redirector pattern, or null when it can.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return "a redirector pattern is empty";
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, MessageConstants.RedirectorMatchTimeout);
            return regex.GetGroupNumbers().Contains(1) ? null : $"the redirector pattern '{pattern}' has no group 1 (the target)";
        }
        catch (ArgumentException e)
        {
            return $"the redirector pattern '{pattern}' is not a valid regular expression: {e.Message}";
        }
    }

    // A compiled pattern is JIT-compiled on its first match, which on a busy machine can take longer than the match
    // timeout: run it once here, outside any check, so a link's match never pays for it.
    private static void WarmUp(Regex pattern)
    {
        try
        {
            _ = pattern.IsMatch("http://www.example.com/?q=x");
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the JIT was wanted.
        }
    }

    private static RedirectorPatternSet Compile(IReadOnlyList<string> patterns, TimeSpan matchTimeout)
    {
        var compiled = new Regex[patterns.Count];
        var required = new string[patterns.Count][];
        for (var i = 0; i < compiled.Length; i++)
        {
            if (Problem(patterns[i]) is { } problem)
            {
                throw new ArgumentException(problem, nameof(patterns));
            }

            compiled[i] = new Regex(patterns[i], RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
            WarmUp(compiled[i]);
            required[i] = RequiredTexts.Of(patterns[i]);
        }

        return new RedirectorPatternSet(compiled, required);
    }
}
