namespace Dnsbl.Client.Testing.Zones;

/// <summary>Zone data that cannot be read; the message names the dataset line and the problem.</summary>
public sealed class ZoneParseException : FormatException
{
    /// <summary>Creates an exception without details.</summary>
    public ZoneParseException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ZoneParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public ZoneParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for one line of a dataset.</summary>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="line">The offending line.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ZoneParseException(int lineNumber, string line, string problem)
        : base($"Zone data line {lineNumber} \"{line}\": {problem}")
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line number of the offending line, or 0 when not tied to a line.</summary>
    public int LineNumber { get; }
}
