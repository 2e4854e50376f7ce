namespace Dnsbl.Client.Messages;

/// <summary>What a Received header turned out to be (as SpamAssassin's parser sorts them).</summary>
internal enum ReceivedParseKind
{
    /// <summary>A network handover with a client address (or at least a "by" host).</summary>
    Relay,

    /// <summary>A local or internal step without a network client (qmail "invoked by uid", Exim "with local", BSMTP...).</summary>
    Ignored,

    /// <summary>A mail fetcher's hop (fetchmail, getmail: "with POP3"/"with IMAP"); hops trusted so far are restarted.</summary>
    MailFetcher,

    /// <summary>A header none of the known formats reads (e.g. a from clause without "by").</summary>
    Unparseable,
}
