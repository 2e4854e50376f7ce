using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Checks options as the client takes them: binding problems, then the generated data-annotation validator, then the
/// cross-field validator; every problem is reported at once.
/// </summary>
internal static partial class DnsblOptionsValidation
{
    private static readonly DnsblOptionsAnnotationsValidator Annotations = new();
    private static readonly DnsblOptionsCrossFieldValidator CrossField = new();

    public static IReadOnlyList<string> Validate(DnsblOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.BindingErrors);
        errors.AddRange(Failures(Annotations.Validate(name: null, options)).Select(ByOptionsPath));
        errors.AddRange(Failures(CrossField.Validate(name: null, options)));
        return errors;
    }

    public static void ThrowIfInvalid(DnsblOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new DnsblConfigurationException(errors);
        }
    }

    private static IEnumerable<string> Failures(ValidateOptionsResult result) => result.Failed ? result.Failures ?? [] : [];

    /// <summary>
    /// The generated validator writes <c>MinimumTtl: The field DnsblOptions.Cache.MinimumTtl must be …</c>; this makes it
    /// <c>Cache.MinimumTtl: The field MinimumTtl must be …</c>, the options path first, as the cross-field messages do.
    /// </summary>
    private static string ByOptionsPath(string failure)
    {
        var field = GeneratedDisplayName().Match(failure);
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        if (!field.Success || separator < 0)
        {
            return failure;
        }

        var message = failure[(separator + 2)..].Replace(field.Value, field.Groups[2].Value, StringComparison.Ordinal);
        return $"{field.Groups[1].Value}{field.Groups[2].Value}: {message}";
    }

    [GeneratedRegex(@"\bDnsblOptions\.((?:\w+\.)*)(\w+)\b")]
    private static partial Regex GeneratedDisplayName();
}
