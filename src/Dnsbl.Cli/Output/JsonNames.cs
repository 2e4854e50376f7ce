using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnsbl.Cli.Output;

/// <summary>One JSON style for every command: camelCase names and enum values, indented, nulls left out.</summary>
internal static class JsonNames
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
