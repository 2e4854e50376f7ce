using System.Net;

namespace Dnsbl.Samples.SmtpGate;

/// <summary>How the gate listens and judges clients.</summary>
public sealed class SmtpGateOptions
{
    /// <summary>Where to listen; port 0 picks a free port (see <see cref="SmtpGateServer.EndPoint"/>).</summary>
    public IPEndPoint ListenEndPoint { get; set; } = new(IPAddress.Loopback, 2525);

    /// <summary>The name in the greeting and EHLO reply.</summary>
    public string HostName { get; set; } = "smtpgate.localhost";

    /// <summary>
    /// The longest the client waits for the greeting. The DNSBL check runs under this deadline; when it runs out the
    /// gate greets with 220 (fail open) rather than keep a legitimate client waiting.
    /// </summary>
    public TimeSpan GreetingDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Judge every connection as if it came from this address (for trying the gate from localhost).</summary>
    public IPAddress? PretendClientAddress { get; set; }

    /// <summary>
    /// Accept Postfix's <c>XCLIENT ADDR=...</c> from loopback clients: the session restarts as if that address had
    /// connected and a fresh greeting (220 or 554) follows. Off by default; a proxy or a test turns it on.
    /// </summary>
    public bool AllowXclient { get; set; }

    /// <summary>The largest message accepted through DATA, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Called for every accepted message (headers include <c>X-Dnsbl-Score</c>); none by default.</summary>
    public Func<AcceptedMessage, CancellationToken, ValueTask>? MessageAccepted { get; set; }
}
