using System.Text;
using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The parser's results on every Received header of the test corpora and test sources, plus mechanical variants, as
/// recorded before the parser was made faster (ReceivedGolden/received-results.tsv): a speed change must not change one
/// of them. Run with <c>UPDATE_RECEIVED_GOLDEN=1</c> to re-record after a deliberate change of results.
/// </summary>
public sealed partial class ReceivedGoldenTests
{
    private const string GoldenFile = "tests/Dnsbl.Client.Tests/Messages/ReceivedGolden/received-results.tsv";

    [Fact]
    public void Parse_RecordedHeaders_GiveRecordedResults()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, GoldenFile);
        if (Environment.GetEnvironmentVariable("UPDATE_RECEIVED_GOLDEN") == "1")
        {
            var lines = Inputs(root).SelectMany(ReceivedVariants.Recorded).Distinct(StringComparer.Ordinal)
                .Select(header => Escape(header) + "\t" + Describe(header));
            File.WriteAllLines(path, lines);
            return;
        }

        var recorded = File.ReadAllLines(path);
        Assert.True(recorded.Length > 1000, $"only {recorded.Length} recorded headers");
        var differences = new List<string>();
        foreach (var line in recorded)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var header = Unescape(line[..tab]);
            var actual = Describe(header);
            if (!string.Equals(actual, line[(tab + 1)..], StringComparison.Ordinal))
            {
                differences.Add($"{line[..tab]}\n  recorded {line[(tab + 1)..]}\n  actual   {actual}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {recorded.Length} differ:\n" + string.Join('\n', differences.Take(20)));
    }

    /// <summary>The headers of the recorded file.</summary>
    internal static IEnumerable<string> RecordedHeaders() =>
        File.ReadLines(Path.Combine(RepositoryRoot(), GoldenFile)).Select(line => Unescape(line[..line.IndexOf('\t', StringComparison.Ordinal)]));

    /// <summary>A parse result as one line: kind, address, HELO, reverse DNS, by, auth.</summary>
    internal static string Describe(string header)
    {
        var kind = ReceivedHeaderParser.Parse(header, out var relay);
        return relay is null
            ? kind.ToString()
            : string.Join('\t', kind, relay.Address?.ToString() ?? "(none)", relay.Helo ?? "(none)", relay.ReverseDns ?? "(none)", Escape(relay.By), relay.Auth ?? "(none)");
    }

    /// <summary>Every Received header of the .eml corpora, the X-Originating-IP lines the chain builds, and the header literals of the test sources.</summary>
    internal static IEnumerable<string> Inputs(string root)
    {
        var headers = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var context = MessageContext.Parse(File.ReadAllText(file, Encoding.Latin1));
            headers.AddRange(context.ReceivedHeaders);
            headers.AddRange(context.Headers.Where(field => field.Key.Contains("Originating", StringComparison.OrdinalIgnoreCase))
                .Select(field => "from X-Originating-IP: " + field.Value.Trim('[', ']', ' ')));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (Match literal in HeaderLiteral().Matches(File.ReadAllText(file)))
            {
                headers.Add(Regex.Unescape(literal.Groups[1].Value));
            }
        }

        return headers.Distinct(StringComparer.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dnsbl.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Dnsbl.Client.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            result.Append(text[++i] switch { 't' => '\t', 'r' => '\r', 'n' => '\n', var other => other });
        }

        return result.ToString();
    }

    // A C# string literal that reads like a Received value: "from ...", "FROM ...", "(from ...", "(qmail ...".
    [GeneratedRegex("\"((?:from |FROM |\\(from |\\(qmail )(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex HeaderLiteral();
}
