using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Tests.DependencyInjection;

internal static class OptionsFromJson
{
    /// <summary>Binds and validates the "Dnsbl" section of <paramref name="json"/> the way AddDnsbl does.</summary>
    public static DnsblOptions Bind(string json)
    {
        using var file = new JsonConfigurationFile(json);
        var services = new ServiceCollection().AddDnsbl(file.Section);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DnsblOptions>>().Value;
    }

    /// <summary>The validation failures of the "Dnsbl" section of <paramref name="json"/>.</summary>
    public static IEnumerable<string> Failures(string json)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(json));
        return error.Failures;
    }
}
