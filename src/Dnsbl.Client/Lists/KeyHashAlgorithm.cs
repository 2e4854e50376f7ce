namespace Dnsbl.Client.Lists;

/// <summary>The hash a list applies to its keys before they become query labels (rspamd's <c>hash</c>, Spamhaus HBL).</summary>
public enum KeyHashAlgorithm
{
    /// <summary>The key is used as it is.</summary>
    None,

    /// <summary>MD5.</summary>
    Md5,

    /// <summary>SHA-1.</summary>
    Sha1,

    /// <summary>SHA-256.</summary>
    Sha256,
}
