namespace Dnsbl.Client.Messages;

/// <summary>What went wrong while reading a message; problems are recorded, never thrown.</summary>
public enum MessageProblemKind
{
    /// <summary>A header line had no name or colon and was skipped.</summary>
    MalformedHeader,

    /// <summary>A Received header could not be read as a relay hop and was skipped.</summary>
    MalformedReceived,

    /// <summary>More headers (or Received headers) than the limit; the rest were ignored.</summary>
    TooManyHeaders,

    /// <summary>The message was larger than the read limit; the rest was ignored.</summary>
    Truncated,

    /// <summary>An address header (From, Reply-To, Return-Path) held no usable address.</summary>
    MalformedAddress,

    /// <summary>The MIME structure was broken (missing boundary, too deep, too many parts).</summary>
    MalformedMime,

    /// <summary>A body part's transfer encoding was invalid; what could be decoded was kept.</summary>
    BadTransferEncoding,

    /// <summary>A part's charset is unknown; it was read as UTF-8 (or Latin-1 when not valid UTF-8).</summary>
    UnknownCharset,

    /// <summary>
    /// A pattern run on a link ran out of its match time twice (a configured redirector pattern, or the obfuscated-dot
    /// scan under a process-wide regex timeout): a host that it would have found may be missing from the keys.
    /// </summary>
    PatternTimedOut,

    /// <summary>More distinct link hosts than the scan limit (<see cref="MessageConstants.MaxLinksScanned"/>); later links were not read.</summary>
    TooManyLinks,

    /// <summary>A chain of redirector links deeper than the limit (<see cref="MessageConstants.MaxRedirectDepth"/>); the last target was not asked.</summary>
    RedirectTooDeep,

    /// <summary>
    /// A list's body pattern matched more distinct words than are asked and listed (<see cref="MessageConstants.MaxBodyPatternKeys"/>
    /// asked, then up to 1,000 listed as over the cap); the rest were neither asked nor listed.
    /// </summary>
    TooManyBodyMatches,

    /// <summary>
    /// A text part's rendered text was longer than <see cref="MessageOptions.BodyPartScanSize"/> (SpamAssassin's
    /// <c>body_part_scan_size</c>); links in the rest of its text were not asked (an HTML part's link attributes still were).
    /// </summary>
    PartScanLimited,
}
