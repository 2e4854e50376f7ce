namespace Dnsbl.Client;

/// <summary>The configuration is invalid. <see cref="Errors"/> lists every problem, each naming its key.</summary>
/// <remarks>Thread-safe to read once thrown: its properties never change.</remarks>
public sealed class DnsblConfigurationException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    /// <param name="errors">Each problem, naming the option it concerns.</param>
    public DnsblConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid Dnsbl configuration: " + string.Join("; ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DnsblConfigurationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DnsblConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates an exception with no detail.</summary>
    public DnsblConfigurationException()
        : this("Invalid Dnsbl configuration.")
    {
    }

    /// <summary>Every problem found, each naming its key (e.g. <c>Cache.MinimumTtl</c>).</summary>
    public IReadOnlyList<string> Errors { get; }
}
