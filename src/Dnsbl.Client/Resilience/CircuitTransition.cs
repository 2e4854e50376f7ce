namespace Dnsbl.Client.Resilience;

/// <summary>What counting one lookup did to a list's circuit, so the caller can report it (to health, logs and metrics) outside the breaker's lock.</summary>
internal enum CircuitTransition
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>The circuit opened, or a failed trial opened it for another break.</summary>
    Opened,

    /// <summary>A trial lookup was answered: the circuit closed.</summary>
    Closed,
}
