namespace Dnsbl.Client.Policy;

/// <summary>What the policy service answers when it cannot judge: a failed lookup, the deadline, a malformed request.</summary>
public enum PolicyErrorAction
{
    /// <summary><c>DUNNO</c>: fail open, the next restriction decides (the default).</summary>
    Dunno,

    /// <summary><c>DEFER_IF_PERMIT</c>: ask the client to try again later unless a later restriction rejects.</summary>
    DeferIfPermit,
}
