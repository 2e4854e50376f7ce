namespace Dnsbl.Client.Dns.Protocol;

/// <summary>Why a message from the wire was rejected. Every malformed input maps to one of these, never to a crash.</summary>
internal enum DnsParseError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The message ended before a field that its own structure promised.</summary>
    Truncated,

    /// <summary>The section counts promise more entries than the remaining octets could possibly hold.</summary>
    CountsExceedMessage,

    /// <summary>A name longer than 255 octets on the wire (RFC 1035 §2.3.4).</summary>
    NameTooLong,

    /// <summary>A compression pointer that does not point strictly before the labels being read (RFC 9267 §2).</summary>
    PointerNotBackward,

    /// <summary>More compression pointers in one name than any valid name needs (RFC 9267 §2).</summary>
    TooManyPointers,

    /// <summary>A label type 0b01 or 0b10, reserved or extended (RFC 6891 §5), which this reader does not accept.</summary>
    ReservedLabelType,

    /// <summary>Record data whose length does not fit its type (an A record that is not 4 octets, a name running past RDLENGTH).</summary>
    InvalidRecordData,

    /// <summary>An OPT pseudo-record outside the additional section, or more than one (RFC 6891 §6.1.1).</summary>
    MisplacedOpt,
}
