namespace Dnsbl.Client.Messages;

/// <summary>The kinds of Public Suffix List rule that exist for one name, per section.</summary>
[Flags]
internal enum PublicSuffixRule : byte
{
    /// <summary>No rule.</summary>
    None = 0,

    /// <summary>The name is a suffix (ICANN section).</summary>
    Icann = 1,

    /// <summary>The name is a suffix (PRIVATE section).</summary>
    Private = 2,

    /// <summary>Every child of the name is a suffix, "*.name" (ICANN section).</summary>
    WildcardIcann = 4,

    /// <summary>Every child of the name is a suffix, "*.name" (PRIVATE section).</summary>
    WildcardPrivate = 8,

    /// <summary>The name is not a suffix despite a wildcard, "!name" (ICANN section).</summary>
    ExceptionIcann = 16,

    /// <summary>The name is not a suffix despite a wildcard, "!name" (PRIVATE section).</summary>
    ExceptionPrivate = 32,

    /// <summary>
    /// No rule of its own, but the last labels of a longer rule (<c>uk</c> for <c>co.uk</c> when <c>uk</c> had no rule): a
    /// lookup walking leftwards from the top-level label must go on past it. Only in the walking table.
    /// </summary>
    Tail = 64,
}
