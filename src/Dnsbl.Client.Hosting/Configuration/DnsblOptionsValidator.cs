using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Options validation for dependency injection: the binding problems and every rule of <see cref="DnsblOptionsValidation"/>
/// (data annotations and cross-field rules), each message naming its configuration key.
/// </summary>
internal sealed class DnsblOptionsValidator : IValidateOptions<DnsblOptions>
{
    public ValidateOptionsResult Validate(string? name, DnsblOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = DnsblOptionsValidation.Validate(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => ConfigurationKeys.Qualify(e, options.ConfigurationPath)));
    }
}
