namespace Dnsbl.Client;

/// <summary>What a failed list lookup does to the verdict (Exim's <c>defer_ok</c>/<c>include_unknown</c>/<c>exclude_unknown</c>).</summary>
public enum ErrorPolicy
{
    /// <summary>A failed list adds nothing (the default).</summary>
    Exclude,

    /// <summary>A failed block list counts as if its first rule had matched; failed allow lists still add nothing.</summary>
    Include,

    /// <summary>A failed list turns an otherwise non-rejecting verdict into <see cref="DnsblVerdict.Defer"/>.</summary>
    Defer,
}
