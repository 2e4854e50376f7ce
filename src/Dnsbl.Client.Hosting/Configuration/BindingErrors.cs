using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

/// <summary>Collects configuration problems, each prefixed with the full key it is about (<c>Dnsbl:Lists:2:Zone</c>).</summary>
internal sealed class BindingErrors(List<string> errors)
{
    public void Add(IConfigurationSection section, string problem) => errors.Add($"{section.Path}: {problem}");

    public void Add(string path, string problem) => errors.Add($"{path}: {problem}");
}
