namespace Dnsbl.Client;

/// <summary>An input to a check (a domain, an address) cannot be asked of a DNS list; <see cref="Problem"/> says why.</summary>
/// <remarks>Thread-safe to read once thrown: its properties never change.</remarks>
public sealed class DnsblInputException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="input"/>.</summary>
    /// <param name="input">The input as given.</param>
    /// <param name="problem">What is wrong with it, e.g. <c>label 2 is empty</c>.</param>
    public DnsblInputException(string input, string problem)
        : base($"'{input}' is not a valid input: {problem}")
    {
        Input = input;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DnsblInputException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DnsblInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Input = string.Empty;
        Problem = message;
    }

    /// <summary>Creates an exception with no detail.</summary>
    public DnsblInputException()
        : this("invalid input")
    {
    }

    /// <summary>The input as given.</summary>
    public string Input { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
