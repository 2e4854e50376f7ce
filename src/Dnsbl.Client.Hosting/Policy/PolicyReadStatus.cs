namespace Dnsbl.Client.Policy;

/// <summary>How reading one request ended.</summary>
internal enum PolicyReadStatus
{
    /// <summary>An empty line ended the request: answer it.</summary>
    Request,

    /// <summary>The peer closed the connection (at a request boundary or inside one).</summary>
    Closed,

    /// <summary>An attribute line was longer than the cap: answer and close (the stream cannot be resynchronised cheaply).</summary>
    LineTooLong,

    /// <summary>The request carried more attributes than the cap: answer and close.</summary>
    TooManyAttributes,
}
