using System.Globalization;
using System.Net;

namespace Dnsbl.Client.Policy;

/// <summary>
/// The access(5) actions the service answers with. Every piece of text from a list name, a client or a score passes
/// through <see cref="PolicyWireText"/>, and each action is bounded so Postfix's SMTP reply stays under 512 octets
/// (RFC 5321 §4.5.3.1.5) with its own prefix.
/// </summary>
internal static class PolicyActions
{
    public const string Dunno = "DUNNO";
    public const string Ok = "OK";

    // Postfix prefixes "554 5.7.1 <recipient>: Recipient address rejected: " (up to ~330 octets with a long address).
    private const int MaxActionLength = 400;
    private const int MaxListNameLength = 64;
    private const int MaxListsNamed = 5;

    public static string Reject(string code, IPAddress? client, IEnumerable<string> listNames, double score)
    {
        var names = listNames.Distinct(StringComparer.Ordinal).Take(MaxListsNamed + 1).Select(n => PolicyWireText.Sanitize(n, MaxListNameLength)).ToList();
        var named = names.Count switch
        {
            0 => "DNS list scores",
            > MaxListsNamed => string.Join(", ", names.Take(MaxListsNamed)) + ", ...",
            _ => string.Join(", ", names),
        };
        var who = client is null ? "client" : $"client [{client}]";
        return Bounded($"{code} Service unavailable; {who} blocked using {named} (score {Format(score)})");
    }

    public static string Tag(string header, double score, IEnumerable<(string List, double Weight)> hits, bool incomplete)
    {
        var parts = hits.Take(MaxListsNamed).Select(h => $"{PolicyWireText.Sanitize(h.List, MaxListNameLength)}={Format(h.Weight)}");
        var detail = string.Join(", ", parts);
        var text = $"PREPEND {header}: {Format(score)}{(detail.Length > 0 ? $" ({detail})" : "")}{(incomplete ? " incomplete" : "")}";
        return Bounded(text);
    }

    public static string DeferIfPermit(string reason) =>
        Bounded($"DEFER_IF_PERMIT 4.7.1 Service temporarily unavailable; {reason}");

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Bounded(string action) => PolicyWireText.Sanitize(action, MaxActionLength);
}
