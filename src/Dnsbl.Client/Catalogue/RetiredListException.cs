namespace Dnsbl.Client.Catalogue;

/// <summary>
/// Thrown by <see cref="DnsblCatalogue.Get"/> for a list that no longer operates (e.g. SORBS). Querying a retired list is
/// worse than useless: several of them answer "listed" for every address once their zone lapses.
/// </summary>
/// <remarks>Thread-safe to read once thrown: its properties never change.</remarks>
public sealed class RetiredListException : Exception
{
    /// <summary>Creates the exception for <paramref name="listName"/>, retired for <paramref name="reason"/>.</summary>
    /// <param name="listName">The name that was asked for.</param>
    /// <param name="reason">Why and when the list was retired.</param>
    public RetiredListException(string listName, string reason)
        : base($"The DNS list \"{listName}\" is retired: {reason}")
    {
        ListName = listName;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public RetiredListException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RetiredListException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ListName = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with no details.</summary>
    public RetiredListException()
        : this("The DNS list is retired.")
    {
    }

    /// <summary>The name that was asked for.</summary>
    public string ListName { get; }

    /// <summary>Why and when the list was retired.</summary>
    public string Reason { get; }
}
