namespace Dnsbl.Client.Policy;

/// <summary>What the policy service answers for an allow-listed client.</summary>
public enum PolicyAllowListedAction
{
    /// <summary><c>DUNNO</c>: no opinion, the next restriction decides (the safe default).</summary>
    Dunno,

    /// <summary><c>OK</c>: accept, skipping the rest of the restriction list.</summary>
    Ok,
}
