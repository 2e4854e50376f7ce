namespace Dnsbl.Client.Policy;

/// <summary>
/// One policy request: the attributes the decision reads (the rest are counted and dropped) and what was wrong with it.
/// Values are as Postfix sent them; they are hostile until parsed.
/// </summary>
internal sealed class PolicyRequest
{
    public string? Request { get; private set; }

    public string? ProtocolState { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? ClientName { get; private set; }

    public string? HeloName { get; private set; }

    public string? Sender { get; private set; }

    /// <summary>Postfix's transaction id: the same for every recipient of one message.</summary>
    public string? Instance { get; private set; }

    public int AttributeCount { get; private set; }

    /// <summary>The first line that was no <c>name=value</c> attribute, shortened; null when every line was one.</summary>
    public string? MalformedLine { get; private set; }

    /// <summary>Reads one attribute line (without its newline); a line without a name before '=' marks the request malformed.</summary>
    public void Add(ReadOnlySpan<char> line)
    {
        AttributeCount++;
        var equals = line.IndexOf('=');
        if (equals <= 0)
        {
            MalformedLine ??= PolicyWireText.Sanitize(line, 80);
            return;
        }

        var name = line[..equals];
        var value = line[(equals + 1)..];
        switch (name)
        {
            case "request": Request = value.ToString(); break;
            case "protocol_state": ProtocolState = value.ToString(); break;
            case "client_address": ClientAddress = value.ToString(); break;
            case "client_name": ClientName = value.ToString(); break;
            case "helo_name": HeloName = value.ToString(); break;
            case "sender": Sender = value.ToString(); break;
            case "instance": Instance = value.ToString(); break;
        }
    }

    public void Clear()
    {
        Request = ProtocolState = ClientAddress = ClientName = HeloName = Sender = Instance = MalformedLine = null;
        AttributeCount = 0;
    }
}
