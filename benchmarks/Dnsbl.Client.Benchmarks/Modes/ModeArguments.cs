using System.Globalization;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>"--name value" pairs of the console modes, with defaults.</summary>
internal sealed class ModeArguments(string[] args)
{
    public string? Text(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public int Integer(string name, int fallback) =>
        Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) =>
        Text(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public bool Has(string name) => Array.IndexOf(args, "--" + name) >= 0;
}
