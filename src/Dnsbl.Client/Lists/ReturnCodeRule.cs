namespace Dnsbl.Client.Lists;

/// <summary>
/// One scoring rule of a list: which return codes match and what a match weighs. A list's matching rules each add
/// their weight once (postscreen's <c>zone=127.0.0.[2..11]*3</c> is one rule). Negative weights allow-list.
/// </summary>
/// <param name="Filter">Which codes match; <see langword="null"/> matches every listing code.</param>
/// <param name="Weight">What a match adds to the score.</param>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed record ReturnCodeRule(ReturnCodeFilter? Filter, double Weight)
{
    /// <summary>A short name for explanations (e.g. <c>SBL</c>, <c>URIBL_BLACK</c>); defaults to the filter text.</summary>
    public string? Name { get; init; }

    /// <summary>Whether any or all returned codes must match.</summary>
    /// <value>The default value is <see cref="RecordMatchMode.AnyRecord"/>.</value>
    public RecordMatchMode Mode { get; init; } = RecordMatchMode.AnyRecord;
}
