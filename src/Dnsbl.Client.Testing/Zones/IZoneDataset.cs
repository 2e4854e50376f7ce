namespace Dnsbl.Client.Testing.Zones;

/// <summary>One parsed dataset of a zone.</summary>
internal interface IZoneDataset
{
    /// <summary>The <c>$SOA</c>, <c>$NS</c> and <c>$TTL</c> of this dataset.</summary>
    DatasetSettings Settings { get; }

    /// <summary>
    /// All records this dataset holds at <paramref name="relativeName"/> ("" is the apex), named <paramref name="fullName"/>;
    /// null when the name does not exist in this dataset.
    /// </summary>
    IReadOnlyList<ZoneRecord>? Find(string relativeName, string fullName);
}
