namespace Dnsbl.Client.Testing.Zones;

/// <summary>One data line of a dataset, split into its entry and the rest, with the default value in force.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The whole line, for error messages.</param>
/// <param name="Entry">The entry (without a leading <c>!</c>).</param>
/// <param name="Value">What follows the entry (may be empty).</param>
/// <param name="IsExclusion">True for <c>!entry</c>.</param>
/// <param name="DefaultValue">The value of the last default (<c>:A:TXT</c>) line, or rbldnsd's default.</param>
internal readonly record struct DatasetLine(int Number, string Text, string Entry, string Value, bool IsExclusion, ListingValue DefaultValue)
{
    public ZoneParseException Error(string problem) => new(Number, Text, problem);
}
