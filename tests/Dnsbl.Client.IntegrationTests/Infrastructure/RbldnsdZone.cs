namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>One dataset for rbldnsd: served in <paramref name="Zone"/> as <paramref name="DatasetType"/>, from a file written with <paramref name="Data"/>.</summary>
/// <param name="Zone">The zone, e.g. <c>bl.test</c>.</param>
/// <param name="DatasetType">rbldnsd dataset type: <c>ip4set</c>, <c>ip6trie</c>, <c>dnset</c>, <c>generic</c>.</param>
/// <param name="FileName">The plain file name to write in the data folder.</param>
/// <param name="Data">The file's content.</param>
public sealed record RbldnsdZone(string Zone, string DatasetType, string FileName, string Data);
