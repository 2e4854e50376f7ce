namespace Dnsbl.Client.Lists;

/// <summary>Which relays of a message's Received chain an IP list checks (as SpamAssassin's check_rbl sets do).</summary>
public enum RelaySelection
{
    /// <summary>Only the connecting client (the last external relay as seen by this MTA).</summary>
    ConnectingClient,

    /// <summary>The last relay outside the trusted networks.</summary>
    LastExternal,

    /// <summary>Every relay outside the trusted networks.</summary>
    AllUntrusted,

    /// <summary>Every untrusted relay except the first hop (the original submitter; SpamAssassin's <c>-notfirsthop</c> sets).</summary>
    NotFirstHop,

    /// <summary>The relay that handed the message to the first trusted host (SpamAssassin's <c>-firsttrusted</c> sets).</summary>
    FirstTrusted,
}
